package org.videogov.common.identity;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * A Caffeine expiry for cached things that carry their own end (a token's expiry, in epoch
 * milliseconds): an entry leaves the cache at that instant; reading it does not extend it.
 */
final class UntilExpiry<K, V> implements Expiry<K, V> {

    private final ToLongFunction<V> endMillis;

    private UntilExpiry(ToLongFunction<V> endMillis) {
        this.endMillis = endMillis;
    }

    /** Entries expire at {@code endMillis(value)} (epoch milliseconds). */
    static <K, V> Expiry<K, V> at(ToLongFunction<V> endMillis) {
        return new UntilExpiry<>(endMillis);
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        return Duration.ofMillis(Math.max(0, endMillis.applyAsLong(value) - System.currentTimeMillis())).toNanos();
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}

package org.videogov.common.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * The token a service calls another service with on a user's behalf. With token exchange on
 * (production), it is the token Keycloak's standard token exchange (RFC 8693) issued to the
 * calling service for the user's token, addressed to the callee: the callee sees the calling
 * service as {@code azp} and the user's subject, realm roles and district as the user's own token
 * carries them, and the token is good at the callee only. Off (the tests that sign their own tokens
 * with the OIDC test server, which cannot exchange), the user's own token is forwarded.
 *
 * <p>An exchanged token is remembered for the user's token it was issued for, until the earlier of
 * the two expires (less {@link #MARGIN}), so that a CSV import validating thousands of placements
 * asks Keycloak once, not once per row. At most {@code maxSize} tokens are kept.
 */
public final class DelegatedTokens {

    /** An exchanged token is not used within this long of its (or its subject token's) expiry. */
    public static final Duration MARGIN = Duration.ofSeconds(10);

    private record Exchanged(String token, long usableUntilMillis) {
    }

    private final Function<String, Uni<String>> exchange;
    private final Cache<String, Exchanged> exchanged;

    private DelegatedTokens(Function<String, Uni<String>> exchange, long maxSize) {
        this.exchange = exchange;
        this.exchanged = exchange == null ? null : Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfter(UntilExpiry.<String, Exchanged>at(Exchanged::usableUntilMillis)).build();
    }

    /** Tokens exchanged by {@code exchange} (user token in, callee's token out), at most {@code maxSize} kept. */
    public static DelegatedTokens exchangedBy(Function<String, Uni<String>> exchange, long maxSize) {
        return new DelegatedTokens(exchange, maxSize);
    }

    /**
     * As configured: exchanged by {@code exchange} unless {@code videogov.token-exchange.enabled}
     * is false (default true), at most {@code videogov.token-exchange.cache-size} tokens kept
     * (default 5,000).
     */
    public static DelegatedTokens configured(Function<String, Uni<String>> exchange) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        boolean enabled = config.getOptionalValue("videogov.token-exchange.enabled", Boolean.class).orElse(true);
        long size = config.getOptionalValue("videogov.token-exchange.cache-size", Long.class).orElse(5000L);
        return enabled ? exchangedBy(exchange, size) : forwarded();
    }

    /** The user's own token forwarded as it is (token exchange off). */
    public static DelegatedTokens forwarded() {
        return new DelegatedTokens(null, 0);
    }

    /** Whether calls carry exchanged tokens (rather than the user's own). */
    public boolean exchanges() {
        return exchange != null;
    }

    /**
     * The token to call the callee with for this user token: remembered, or exchanged now (a
     * failed Uni when Keycloak cannot be asked or refuses); the user's token itself when
     * forwarding, and none (null) for none.
     */
    public Uni<String> forUser(String userToken) {
        if (exchange == null || userToken == null || userToken.isBlank()) {
            return Uni.createFrom().item(userToken);
        }
        Exchanged known = exchanged.getIfPresent(userToken);
        if (known != null && System.currentTimeMillis() < known.usableUntilMillis()) {
            return Uni.createFrom().item(known.token());
        }
        return Uni.createFrom().deferred(() -> exchange.apply(userToken)).invoke(token -> {
            long until = Math.min(expiresAtMillis(token), expiresAtMillis(userToken)) - MARGIN.toMillis();
            if (until > System.currentTimeMillis()) {
                exchanged.put(userToken, new Exchanged(token, until));
            }
        });
    }

    /** A JWT's {@code exp} in epoch milliseconds, read without verifying it; 0 when it has none. */
    static long expiresAtMillis(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return 0;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[1])))) {
            JsonObject claims = reader.readObject();
            return claims.get("exp") instanceof JsonNumber exp ? exp.longValue() * 1000 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

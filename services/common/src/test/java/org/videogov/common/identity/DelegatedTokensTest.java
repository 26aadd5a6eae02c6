package org.videogov.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DelegatedTokensTest {

    private static String jwt(String subject, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"sub\":\"" + subject + "\",\"exp\":" + expires.getEpochSecond() + "}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Test
    void anExchangedTokenIsRememberedForItsUserTokenAndAskedForOnce() {
        AtomicInteger exchanges = new AtomicInteger();
        Instant in15 = Instant.now().plus(Duration.ofMinutes(15));
        DelegatedTokens tokens = DelegatedTokens.exchangedBy(
                user -> Uni.createFrom().item(() -> jwt("exchanged-" + exchanges.incrementAndGet(), in15)), 100);
        String alice = jwt("alice", in15);
        String bob = jwt("bob", in15);

        String first = tokens.forUser(alice).await().indefinitely();
        assertEquals(first, tokens.forUser(alice).await().indefinitely());
        assertEquals(1, exchanges.get());
        String other = tokens.forUser(bob).await().indefinitely();
        assertEquals(2, exchanges.get());
        assertEquals(true, !other.equals(first));
    }

    @Test
    void aUserTokenAboutToExpireIsExchangedEveryTimeNeverServedStale() {
        AtomicInteger exchanges = new AtomicInteger();
        DelegatedTokens tokens = DelegatedTokens.exchangedBy(user -> Uni.createFrom().item(() -> {
            exchanges.incrementAndGet();
            return jwt("exchanged", Instant.now().plus(Duration.ofMinutes(15)));
        }), 100);
        // Within the margin of its expiry: the exchanged token would outlive the user's, so it is not kept.
        String expiring = jwt("alice", Instant.now().plus(DelegatedTokens.MARGIN).minusSeconds(1));
        tokens.forUser(expiring).await().indefinitely();
        tokens.forUser(expiring).await().indefinitely();
        assertEquals(2, exchanges.get());
    }

    @Test
    void aFailedExchangeFailsTheCallAndIsNotRemembered() {
        AtomicInteger exchanges = new AtomicInteger();
        DelegatedTokens tokens = DelegatedTokens.exchangedBy(user -> {
            exchanges.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("Keycloak did not answer"));
        }, 100);
        String alice = jwt("alice", Instant.now().plus(Duration.ofMinutes(15)));
        assertThrows(IllegalStateException.class, () -> tokens.forUser(alice).await().indefinitely());
        assertThrows(IllegalStateException.class, () -> tokens.forUser(alice).await().indefinitely());
        assertEquals(2, exchanges.get());
    }

    @Test
    void forwardingPassesTheUsersOwnTokenAndNoTokenStaysNone() {
        String alice = jwt("alice", Instant.now().plus(Duration.ofMinutes(15)));
        assertEquals(alice, DelegatedTokens.forwarded().forUser(alice).await().indefinitely());
        assertNull(DelegatedTokens.exchangedBy(user -> Uni.createFrom().failure(new AssertionError("asked")), 10)
                .forUser(null).await().indefinitely());
    }
}

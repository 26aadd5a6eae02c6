package org.videogov.testing.checks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videogov.testing.TestTokens;

/**
 * The verified-token cache (org.videogov.common.identity.VerifiedTokenCache): a token is verified
 * once and then served from the cache until it expires; a token that fails verification is never
 * remembered; an expired token is refused although it was remembered; remembered identities never
 * cross from one caller to another. Counted with the service's own metrics
 * ({@code videogov_token_verifications_total}, {@code videogov_token_cache_hits_total}). A
 * service's test extends this with its own {@code @QuarkusTest} and names a list any district admin
 * may read.
 */
public abstract class VerifiedTokenCacheChecks {

    /** A collection a district admin may list (200) and a partner may not (403), e.g. {@code /api/v1/sites}. */
    protected abstract String collection();

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        String token = TestTokens.token("cache-" + UUID.randomUUID(), TestTokens.SHINAN, "district-admin");
        double verified = counter("videogov_token_verifications_total");
        double hits = counter("videogov_token_cache_hits_total");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get(collection()).then().statusCode(200);
        }
        assertEquals(1, counter("videogov_token_verifications_total") - verified, "verified once");
        assertEquals(4, counter("videogov_token_cache_hits_total") - hits, "then four times from the cache");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        String token = TestTokens.token("forged-" + UUID.randomUUID(), TestTokens.SHINAN, "district-admin");
        String valid = token;
        given().auth().oauth2(valid).when().get(collection()).then().statusCode(200);
        // Another signature over the same header and claims: the cache is keyed by the whole token.
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        double verified = counter("videogov_token_verifications_total");
        double hits = counter("videogov_token_cache_hits_total");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(forged).when().get(collection()).then().statusCode(401);
        }
        assertEquals(3, counter("videogov_token_verifications_total") - verified, "verified (and refused) each time");
        assertEquals(0, counter("videogov_token_cache_hits_total") - hits, "never served from the cache");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String token = TestTokens.tokenExpiringIn(Duration.ofSeconds(3), "expiring-" + UUID.randomUUID(),
                TestTokens.SHINAN, "district-admin");
        given().auth().oauth2(token).when().get(collection()).then().statusCode(200);
        given().auth().oauth2(token).when().get(collection()).then().statusCode(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = given().auth().oauth2(token).when().get(collection()).then().extract().statusCode();
        }
        assertEquals(401, status, "an expired token is refused although it was remembered");
        given().auth().oauth2(token).when().get(collection()).then().statusCode(401);
    }

    @Test
    void rememberedIdentitiesNeverCrossCallers() {
        String admin = TestTokens.districtAdmin(TestTokens.SHINAN);
        String partner = TestTokens.partner("traffic");
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(admin).when().get(collection()).then().statusCode(200);
            given().auth().oauth2(partner).when().get(collection()).then().statusCode(403);
            given().when().get(collection()).then().statusCode(401);
        }
    }

    /** A counter of the service's /q/metrics (fails when it is missing). */
    public static double counter(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                // With tracing on, a sample may end in an exemplar ("# {trace_id=...} 1.0 <time>").
                String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
                return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        assertTrue(false, name + " is not in /q/metrics");
        return 0;
    }
}

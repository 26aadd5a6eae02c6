package org.videogov.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real tokens from the real Keycloak of the local stack (started by {@code ./videogov test}):
 * password grants for the demo users through the {@code videogov-portal} client.
 */
public final class KeycloakTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {
    }

    /** The issuer of the stack's realm, e.g. http://127.0.0.1:8180/realms/videogov. */
    public static String issuer() {
        return required("VIDEOGOV_OIDC_ISSUER");
    }

    /** A demo user's access token (demo users: city-it, shinan-admin, huangdao-admin, ...). */
    public static String passwordGrant(String username) {
        return tokenRequest(Map.of("grant_type", "password", "client_id", "videogov-portal",
                "username", username, "password", required("VIDEOGOV_DEMO_PASSWORD"), "scope", "openid"));
    }

    /** A service account's access token (client-credentials grant). */
    public static String clientCredentials(String clientId, String secret) {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /**
     * The claims of a token, decoded without verifying it: for tests that assert what Keycloak put
     * in a token (the services under test verify it).
     */
    public static jakarta.json.JsonObject claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS compact serialisation: " + parts.length + " parts");
        }
        byte[] payload = java.util.Base64.getUrlDecoder().decode(parts[1]);
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(payload))) {
            return reader.readObject();
        }
    }

    /** A token's {@code aud} claim as a list (Keycloak writes one audience as a string). */
    public static java.util.List<String> audience(jakarta.json.JsonObject claims) {
        return claims.get("aud") instanceof jakarta.json.JsonString one ? java.util.List.of(one.getString())
                : claims.getJsonArray("aud").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList();
    }

    /**
     * Asserts what a standard token exchange issued {@code caller} to call {@code callee} for the person of
     * {@code personToken}: issued to the caller ({@code azp}), addressed to the callee only ({@code aud}), with the
     * person's subject, user name, district and realm roles.
     */
    public static void assertExchanged(String personToken, String exchanged, String caller, String callee) {
        jakarta.json.JsonObject person = claims(personToken);
        jakarta.json.JsonObject claims = claims(exchanged);
        org.junit.jupiter.api.Assertions.assertEquals(caller, claims.getString("azp"), "the call authenticates as " + caller);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(callee), audience(claims), "good at " + callee + " only");
        org.junit.jupiter.api.Assertions.assertEquals(person.getString("sub"), claims.getString("sub"),
                "the person's identity travels");
        org.junit.jupiter.api.Assertions.assertEquals(person.getString("preferred_username"),
                claims.getString("preferred_username"));
        org.junit.jupiter.api.Assertions.assertEquals(person.getString("district"), claims.getString("district"));
        org.junit.jupiter.api.Assertions.assertTrue(realmRoles(claims).containsAll(realmRoles(person)),
                "roles " + realmRoles(claims) + " lack some of the person's " + realmRoles(person));
    }

    /** A token's realm roles ({@code realm_access.roles}). */
    public static java.util.List<String> realmRoles(jakarta.json.JsonObject claims) {
        return claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
    }

    /**
     * A standard token exchange (RFC 8693, Keycloak's token exchange v2) by a service client: the
     * token Keycloak issues to {@code clientId} for {@code subjectToken}'s user, addressed to
     * {@code audience} (a client ID; null: the requesting client's own audiences).
     */
    public static String exchange(String clientId, String secret, String subjectToken, String audience) {
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "client_id", clientId,
                "client_secret", secret, "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token"));
        if (audience != null) {
            form.put("audience", audience);
        }
        return tokenRequest(form);
    }

    /** The client secret of a service's Keycloak client in the stack (VIDEOGOV_CLIENT_SECRET_&lt;SERVICE&gt;). */
    public static String clientSecret(String clientId) {
        return required("VIDEOGOV_CLIENT_SECRET_" + clientId.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static String tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused the token request (" + response.statusCode()
                        + "): " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + issuer() + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with `./videogov test`, "
                    + "which starts the local stack (PostgreSQL, Keycloak, S3) and exports it");
        }
        return value;
    }
}

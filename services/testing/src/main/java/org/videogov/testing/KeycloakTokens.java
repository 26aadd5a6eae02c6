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

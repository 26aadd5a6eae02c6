package org.videogov.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A partner user's login through the city realm's identity broker, done headlessly as a browser
 * would: the {@code videogov} realm's authorize URL with {@code kc_idp_hint} (so Keycloak goes
 * straight to the partner's identity provider), every redirect followed, the partner realm's login
 * form posted, the first-broker-login steps passed, and the authorization code at the portal's
 * redirect URI exchanged for the city's tokens ({@code videogov-portal} client).
 *
 * <p>Keycloak sets its session cookies {@code Secure; SameSite=None} even on plain http, and a
 * cookie manager of the JDK does not send Secure cookies over http, upon which Keycloak answers
 * {@code cookie_not_found}. So this keeps its own cookie jar (name, value and path; every host here
 * is the stack's Keycloak) and sends every cookie whose path covers the request.
 */
public final class BrokerLogin {

    /** The partner realm standing in for the emergency-management bureau's own identity provider. */
    public static final String EMERGENCY_IDP = "qingdao-emergency";
    /** Its demo user (password: the stack's demo password). */
    public static final String EMERGENCY_USER = "duty-officer";
    /** The department the city realm gives every user brokered from {@link #EMERGENCY_IDP}. */
    public static final String EMERGENCY_DEPARTMENT = "emergency-management";

    /** Never dialled: the code is read from the redirect's Location before any request to it. */
    private static final String REDIRECT_URI = "http://127.0.0.1:1/broker-login-callback";
    private static final Pattern LOGIN_FORM = Pattern.compile(
            "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MAX_STEPS = 25;

    private record Cookie(String name, String value, String path) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cookie> jar = new LinkedHashMap<>();
    private final List<String> trail = new ArrayList<>();

    private BrokerLogin() {
    }

    /** The city realm's access token of the emergency bureau's demo user, logged in through the broker. */
    public static String emergencyDutyOfficer() {
        return accessToken(EMERGENCY_IDP, EMERGENCY_USER, KeycloakTokens.required("VIDEOGOV_DEMO_PASSWORD"));
    }

    /**
     * Logs {@code username} in at the identity provider {@code idpAlias} of the {@code videogov}
     * realm and returns the city realm's access token.
     *
     * @throws IllegalStateException with the steps taken when Keycloak does not end at the redirect
     *                               URI with a code (a page it wants a person to fill in, an error)
     */
    public static String accessToken(String idpAlias, String username, String password) {
        return new BrokerLogin().login(idpAlias, username, password);
    }

    private String login(String idpAlias, String username, String password) {
        String url = KeycloakTokens.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", "videogov-portal", "redirect_uri", REDIRECT_URI, "response_type", "code",
                "scope", "openid", "state", "broker-login", "kc_idp_hint", idpAlias));
        Map<String, String> post = null;
        boolean formPosted = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = send(url, post);
            trail.add((post == null ? "GET " : "POST ") + url.replaceAll("\\?.*", "") + " -> " + response.statusCode());
            post = null;
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 == 3 && location.isPresent()) {
                url = URI.create(url).resolve(location.get()).toString();
                if (url.startsWith(REDIRECT_URI)) {
                    return exchange(url);
                }
                continue;
            }
            Matcher form = LOGIN_FORM.matcher(response.body());
            if (response.statusCode() == 200 && form.find() && !formPosted) {
                url = URI.create(url).resolve(unescape(form.group(1))).toString();
                post = Map.of("username", username, "password", password, "credentialId", "");
                formPosted = true;
                continue;
            }
            throw failure("stopped at " + response.statusCode() + ": " + excerpt(response.body()));
        }
        throw failure("no code after " + MAX_STEPS + " steps");
    }

    private String exchange(String redirect) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(redirect).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!query.containsKey("code")) {
            throw failure("redirected without a code: " + query);
        }
        HttpResponse<String> response = send(KeycloakTokens.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "client_id", "videogov-portal", "code", query.get("code"),
                "redirect_uri", REDIRECT_URI));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw failure("the code exchange answered " + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(String url, Map<String, String> post) {
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String cookies = jar.values().stream().filter(c -> path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        if (post != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(post)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw failure("Keycloak is not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a Set-Cookie, whatever its Secure and SameSite attributes; an expired one is dropped. */
    private void keep(String header) {
        String[] parts = header.split(";");
        String[] nameValue = parts[0].split("=", 2);
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].strip().split("=", 2);
            if (attribute[0].equalsIgnoreCase("Path") && attribute.length > 1) {
                path = attribute[1];
            } else if (attribute[0].equalsIgnoreCase("Max-Age") && attribute.length > 1) {
                expired = attribute[1].strip().startsWith("0") || attribute[1].strip().startsWith("-");
            }
        }
        String key = nameValue[0].strip() + "@" + path;
        if (expired || nameValue.length < 2 || nameValue[1].isEmpty()) {
            jar.remove(key);
        } else {
            jar.put(key, new Cookie(nameValue[0].strip(), nameValue[1], path));
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("brokered login failed: " + what + "\nsteps:\n  " + String.join("\n  ", trail));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}

package org.videogov.common.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Whether the identity provider (the city's Keycloak realm) answers its OpenID discovery document.
 *
 * <p>Deliberately <em>not</em> a readiness check: tokens are verified locally with the realm's keys,
 * which the service has cached, so a hung or stopped identity provider must not take every pod of
 * every service out of rotation. Operators see the outage instead in three places: the health group
 * {@code /q/health/group/dependencies} (DOWN, with the reason), the gauge
 * {@code videogov_identity_provider_up} (1 or 0, refreshed every {@code probe-interval}), and a WARN
 * log line when it goes down (INFO when it is back). Every probe is bounded by {@code timeout}, so
 * the health group answers within that bound even when the provider accepts connections and never
 * answers.
 */
@ApplicationScoped
@HealthGroup(IdentityProviderHealth.GROUP)
public class IdentityProviderHealth implements AsyncHealthCheck {

    /** The liveness- and readiness-neutral health group of the services this one depends on. */
    public static final String GROUP = "dependencies";

    static final String NAME = "identity-provider";

    private static final String GAUGE = "videogov.identity.provider.up";

    private static final Logger LOG = Logger.getLogger(IdentityProviderHealth.class);

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    /** The realm whose discovery document is probed (the same URL tokens are verified against). */
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    /** Longest wait for one probe; declared with its default in videogov-common's microprofile-config.properties. */
    @ConfigProperty(name = "videogov.health.identity-provider.timeout")
    Duration timeout;

    /** How often the gauge is refreshed in the background; declared in microprofile-config.properties. */
    @ConfigProperty(name = "videogov.health.identity-provider.probe-interval")
    Duration probeInterval;

    /** 1 while the provider answered the last probe, 0 after it did not, -1 before the first probe. */
    private final AtomicInteger up = new AtomicInteger(-1);
    private volatile WebClient client;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        // A gauge of this name left in the registry by an earlier start in the same JVM (tests restart Quarkus
        // for each profile, and the global registry outlives them) would keep reading that start's state, and
        // registering again would return it: it is replaced. The gauge holds its state strongly.
        Gauge stale = registry.find(GAUGE).gauge();
        if (stale != null) {
            registry.remove(stale);
        }
        Gauge.builder(GAUGE, up, AtomicInteger::get)
                .description("1 when the identity provider answered its last probe, 0 when it did not")
                .strongReference(true)
                .register(registry);
        timer = vertx.getDelegate().setPeriodic(0, Math.max(1000, probeInterval.toMillis()),
                id -> probe().subscribe().with(r -> { }, e -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.getDelegate().cancelTimer(timer);
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe();
    }

    private Uni<HealthCheckResponse> probe() {
        String url = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        return client().requestAbs(HttpMethod.GET, url).timeout(timeout.toMillis()).send()
                .ifNoItem().after(timeout).fail()
                .map(r -> r.statusCode() == 200
                        ? record(true, HealthCheckResponse.named(NAME).up().withData("url", url).build())
                        : record(false, HealthCheckResponse.named(NAME).down().withData("url", url)
                                .withData("reason", "answered HTTP " + r.statusCode()).build()))
                .onFailure().recoverWithItem(e -> record(false, HealthCheckResponse.named(NAME).down()
                        .withData("url", url)
                        .withData("reason", "no answer within " + timeout.toMillis() + " ms ("
                                + e.getClass().getSimpleName() + ")").build()));
    }

    private HealthCheckResponse record(boolean answered, HealthCheckResponse response) {
        int previous = up.getAndSet(answered ? 1 : 0);
        if (!answered && previous != 0) {
            LOG.warnf("Identity provider unreachable: %s; tokens are still verified with the cached keys, "
                    + "but new logins and key rotations fail until it is back", response.getData()
                    .map(d -> d.get("reason")).orElse("no answer"));
        } else if (answered && previous == 0) {
            LOG.info("Identity provider reachable again");
        }
        return response;
    }

    private WebClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    int millis = (int) Math.max(1, timeout.toMillis());
                    client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(millis)
                            .setIdleTimeout(millis).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                            .setTrustAll(false));
                }
            }
        }
        return client;
    }
}

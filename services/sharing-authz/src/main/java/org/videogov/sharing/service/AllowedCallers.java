package org.videogov.sharing.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videogov.common.problem.ProblemException;

/**
 * Which service accounts may call {@code Authorization} (authz.proto): the Keycloak clients named in
 * {@code videogov.sharing-authz.allowed-callers} (env {@code VIDEOGOV_SHARING_AUTHZ_ALLOWED_CALLERS},
 * a comma-separated list), by default the platform's services that ask it: site-registry,
 * camera-inventory, recording-metadata and object-storage ({@code infra/services}; sharing-authz
 * itself is not among them). A person is refused first, as by {@link ServiceCaller#of}; another
 * service account of the realm is refused with a message naming it.
 */
@ApplicationScoped
public class AllowedCallers {

    /** The configuration key, named in the refusal so that an operator knows what to change. */
    public static final String KEY = "videogov.sharing-authz.allowed-callers";

    private final Set<String> clients;

    @Inject
    public AllowedCallers(@ConfigProperty(name = KEY,
            defaultValue = "site-registry,camera-inventory,recording-metadata,object-storage") Set<String> clients) {
        this.clients = Set.copyOf(Objects.requireNonNull(clients, "clients"));
    }

    /**
     * The service account of a verified identity, when it may call.
     *
     * @throws ProblemException 403: "Authorization is for services" for anyone but a service account,
     *                          "service account &lt;client&gt; may not call Authorization (…)" for a service
     *                          account that is not listed
     */
    public ServiceCaller admit(SecurityIdentity identity) {
        return admit(ServiceCaller.of(identity));
    }

    /** {@code caller} when its client is listed; otherwise a 403 problem naming it. */
    public ServiceCaller admit(ServiceCaller caller) {
        if (!clients.contains(caller.clientId())) {
            throw ProblemException.forbidden("service account " + caller.clientId()
                    + " may not call Authorization (not in " + KEY + ")");
        }
        return caller;
    }

    /** The listed clients. */
    public Set<String> clients() {
        return clients;
    }
}

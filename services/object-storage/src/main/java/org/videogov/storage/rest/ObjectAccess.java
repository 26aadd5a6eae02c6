package org.videogov.storage.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.videogov.common.authz.AuthorizationClient;
import org.videogov.common.authz.AuthzAction;
import org.videogov.common.authz.AuthzResource;
import org.videogov.common.problem.ProblemException;
import org.videogov.storage.config.StorageConfig;
import org.videogov.common.identity.ServiceAccount;

/**
 * Who may store and read a district's video objects (Articles 4 and 5 of the measures: access is
 * limited to what a duty needs, recordings are kept and protected).
 *
 * <ul>
 *   <li><b>Read</b> (download, verify): sharing-authz's {@code recording.read} on the district. A
 *       denial because the object is another district's is 404 (nothing leaks), any other 403.</li>
 *   <li><b>Write</b> (upload): the recording pipeline is a platform service account acting for no
 *       user; sharing-authz's default policy denies every such subject
 *       ({@code default.deny.service-account}) because it decides what people may see, so the
 *       service accounts that may write are this service's configuration
 *       ({@code videogov.object-storage.writers}, default {@code recording-metadata}), checked here
 *       without asking sharing-authz. A person (district staff storing a manual recording) is asked
 *       of sharing-authz as {@code camera.write} on the district: whoever may change the district's
 *       cameras may store their recordings (district admins and operators of that district, city
 *       IT). sharing-authz has no {@code recording.write} action yet; when the policy needs to tell
 *       the two apart, that action replaces {@code camera.write} here. Every other service account is 403.</li>
 * </ul>
 */
@ApplicationScoped
public class ObjectAccess {

    @Inject
    AuthorizationClient authz;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    StorageConfig config;

    public Uni<Void> requireRead(String district) {
        return authz.require(AuthzAction.RECORDING_READ, AuthzResource.district(district), decision ->
                decision.otherDistrict()
                        ? ProblemException.notFound("district", district + "'s objects")
                        : ProblemException.forbidden("reading recordings of district " + district
                        + " is not allowed (" + decision.rule() + ")"));
    }

    public Uni<Void> requireWrite(String district) {
        return identity.getDeferredIdentity().flatMap(id -> {
            var client = ServiceAccount.clientOf(id);
            if (client.isPresent()) {
                if (config.writers().contains(client.get())) {
                    return Uni.createFrom().voidItem();
                }
                throw ProblemException.forbidden("service account " + client.get() + " may not store recordings "
                        + "(not in videogov.object-storage.writers)");
            }
            return authz.require(AuthzAction.CAMERA_WRITE, AuthzResource.district(district), decision ->
                    ProblemException.forbidden("storing recordings in district " + district + " is not allowed ("
                            + decision.rule() + ")"));
        });
    }
}

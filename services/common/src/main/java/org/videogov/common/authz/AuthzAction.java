package org.videogov.common.authz;

/**
 * The action names the services ask sharing-authz about ({@code <resource>.<verb>}, the proto's
 * {@code Action.name}); sharing-authz's policy decides what each allows (docs/authorization.md).
 */
public final class AuthzAction {

    public static final String SITE_READ = "site.read";
    public static final String SITE_WRITE = "site.write";
    public static final String CAMERA_READ = "camera.read";
    public static final String CAMERA_WRITE = "camera.write";
    public static final String RECORDING_READ = "recording.read";
    public static final String RECORDING_HOLD = "recording.hold";
    public static final String RECORDING_EXPORT = "recording.export";

    private AuthzAction() {
    }
}

package org.videogov.sharing.domain.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a subject wants to do. On the wire an action is its {@link #wireName() name}, a string
 * (authz.proto), so that a new action is a new constant here and nothing in the calling services;
 * a name this enum does not know is denied ({@link Rules#UNKNOWN_ACTION}).
 */
public enum Action {
    SITE_READ("site.read"),
    SITE_WRITE("site.write"),
    CAMERA_READ("camera.read"),
    CAMERA_WRITE("camera.write"),
    RECORDING_READ("recording.read"),
    /** Taking video out of the system (Article 5: no disclosure of secrets or private life). */
    RECORDING_EXPORT("recording.export"),
    /** Keeping a recording beyond its retention (a legal hold). */
    RECORDING_HOLD("recording.hold"),
    LIVE_VIEW("live.view");

    private static final Map<String, Action> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Action::wireName, Function.identity()));

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the decision log, e.g. {@code camera.read}. */
    public String wireName() {
        return wireName;
    }

    /** The action of this name, or empty for a name sharing-authz does not know. */
    public static Optional<Action> fromWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}

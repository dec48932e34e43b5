package io.aidevops.deploy.traffic;

import java.util.Objects;

/**
 * What a canary rollout acts on: two Deployments of one app and the Service in front of them.
 *
 * @param namespace the namespace of all objects
 * @param app the app's name, the value of the pods' {@code app} label shared by both tracks
 * @param stableDeployment the Deployment running the current version ({@code track=stable})
 * @param canaryDeployment the Deployment running the new version ({@code track=canary})
 * @param service the Service clients reach the app through
 */
public record RolloutTarget(String namespace, String app, String stableDeployment, String canaryDeployment,
        String service) {

    /** The label carrying {@link #app()} on both tracks' pods. */
    public static final String APP_LABEL = "app";

    /** @throws IllegalArgumentException if a name is null or blank */
    public RolloutTarget {
        requireName(namespace, "namespace");
        requireName(app, "app");
        requireName(stableDeployment, "stableDeployment");
        requireName(canaryDeployment, "canaryDeployment");
        requireName(service, "service");
        if (stableDeployment.equals(canaryDeployment)) {
            throw new IllegalArgumentException("the stable and canary Deployments must differ, but both are '"
                    + stableDeployment + "'");
        }
    }

    /**
     * The usual naming: Deployments {@code <app>-stable} and {@code <app>-canary}, Service {@code <app>}.
     */
    public static RolloutTarget conventional(String namespace, String app) {
        return new RolloutTarget(namespace, app, app + "-stable", app + "-canary", app);
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** {@code namespace/name}, for messages. */
    String qualified(String name) {
        return namespace + "/" + name;
    }
}

package io.berth.core.validate;

import io.berth.core.error.EcsException;
import java.util.regex.Pattern;

/** Name rules shared by clusters, services, families and containers: 1-255 of {@code [A-Za-z0-9_-]}. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static String clusterName(String name) {
        if (!isValid(name)) {
            throw EcsException.invalidParameter("Cluster name must be 1 to 255 letters, numbers, hyphens or "
                    + "underscores.");
        }
        return name;
    }

    public static String serviceName(String name) {
        if (!isValid(name)) {
            throw EcsException.invalidParameter("Service name must be 1 to 255 letters, numbers, hyphens or "
                    + "underscores.");
        }
        return name;
    }
}

package io.berth.core.model;

import java.util.List;

/**
 * The task lifecycle (ecs-semantics §3.6): PROVISIONING → PENDING → ACTIVATING → RUNNING →
 * DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED. States may be skipped; a task never moves
 * back.
 */
public final class TaskStatus {

    public static final String PROVISIONING = "PROVISIONING";
    public static final String PENDING = "PENDING";
    public static final String ACTIVATING = "ACTIVATING";
    public static final String RUNNING = "RUNNING";
    public static final String DEACTIVATING = "DEACTIVATING";
    public static final String STOPPING = "STOPPING";
    public static final String DEPROVISIONING = "DEPROVISIONING";
    public static final String STOPPED = "STOPPED";

    private static final List<String> ORDER = List.of(PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING,
            STOPPING, DEPROVISIONING, STOPPED);

    private TaskStatus() {
    }

    /** Position in the lifecycle; -1 for an unknown status. */
    public static int rank(String status) {
        return ORDER.indexOf(status);
    }

    public static boolean isKnown(String status) {
        return rank(status) >= 0;
    }
}

package io.berth.core.model;


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

    private TaskStatus() {
    }

    /** Position in the lifecycle; -1 for an unknown status. A switch: it is asked for every task, often. */
    public static int rank(String status) {
        if (status == null) {
            return -1;
        }
        return switch (status) {
            case PROVISIONING -> 0;
            case PENDING -> 1;
            case ACTIVATING -> 2;
            case RUNNING -> 3;
            case DEACTIVATING -> 4;
            case STOPPING -> 5;
            case DEPROVISIONING -> 6;
            case STOPPED -> 7;
            default -> -1;
        };
    }

    public static boolean isKnown(String status) {
        return rank(status) >= 0;
    }
}

package io.berth.agent.docker;

/** The labels that tie a Docker container to its agent and task, so a restarted agent adopts it. */
public final class Labels {

    public static final String AGENT = "io.berth.agent";
    public static final String CLUSTER = "io.berth.cluster";
    public static final String TASK_ARN = "io.berth.task-arn";
    public static final String CONTAINER_NAME = "io.berth.container-name";
    /** The per-task network-namespace holder of an awsvpc task. */
    public static final String PAUSE = "io.berth.pause";

    private Labels() {
    }
}

package io.berth.agent.plan;

/** One step the agent takes against Docker for a task. */
public sealed interface Action {

    /** Fetch an image that is not on this host. */
    record Pull(String image) implements Action {
    }

    /** Create a task container (not started). */
    record Create(String containerName) implements Action {
    }

    /** Start a created container whose dependencies are met. */
    record Start(String containerName) implements Action {
    }

    /** Stop a running container: signal, then kill after {@code timeoutSeconds}. */
    record Stop(String containerName, int timeoutSeconds) implements Action {
    }
}

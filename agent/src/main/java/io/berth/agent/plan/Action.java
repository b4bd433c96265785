package io.berth.agent.plan;

/** One step the agent takes against Docker for a task. */
public sealed interface Action {

    /** Fetch an image that is not on this host. */
    record Pull(String image) implements Action {
    }

    /**
     * Create a task container; with {@code startAtOnce} (it depends on no other container) start it
     * in the same step, rather than a round of observation later: one Docker inspection round
     * less between an assignment and a running task.
     */
    record Create(String containerName, boolean startAtOnce) implements Action {
    }

    /** Start a created container whose dependencies are met. */
    record Start(String containerName) implements Action {
    }

    /** Stop a running container: signal, then kill after {@code timeoutSeconds}. */
    record Stop(String containerName, int timeoutSeconds) implements Action {
    }
}

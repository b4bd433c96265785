package io.berth.core.decide;

/** Fresh identifiers. Production draws them at random; tests count. */
public interface IdSource {

    /** A deployment id in ECS's form, {@code ecs-svc/} followed by up to 19 digits. */
    String deploymentId();

    /** A UUID-shaped id for service events and similar. */
    String uuid();

    /** A task or container-instance id: 32 lowercase hex characters, as ECS's new-format ids. */
    String hexId();

    /** A seed for the random choices of one decision (placement's random strategy). */
    long randomSeed();
}

package io.berth.core.decide;

import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.model.TaskDefinition;
import java.util.Optional;

/**
 * Reads task definitions, which live in the account boundary, from a cluster boundary's decider.
 * The caller guarantees the lookup reflects at least every registration acknowledged before the
 * command being decided was sent (see the command-service's task-definition catalog).
 */
@FunctionalInterface
public interface TaskDefinitionLookup {

    /** A revision by number, or the family's latest ACTIVE revision when the ref has no number. */
    Optional<TaskDefinition> find(Scope scope, TaskDefinitionRef ref);
}

package io.berth.core.decide;

import java.time.Instant;

/**
 * Everything a decider may know besides state and command, so that deciding stays a pure
 * function: the time, a source of fresh ids, the task definitions of the account (another
 * boundary, read through a lookup the caller keeps current) and who is acting.
 */
public record DecisionContext(Instant now, IdSource ids, TaskDefinitionLookup taskDefinitions, String actor) {
}

package io.berth.core.command;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;

/**
 * A request to change state. Payloads of ECS operations are the ECS request shapes themselves
 * (camelCase JSON), so automation can write the same JSON to {@code berth.commands} that it would
 * POST to the ECS endpoint. Each command knows the consistency boundary it belongs to.
 */
public sealed interface Command permits ClusterCommand, AccountCommand, TagResource, UntagResource, ResetBoundary {

    /** The boundary that decides this command; its key is the command's Kafka key. */
    Boundary boundary(Scope scope);
}

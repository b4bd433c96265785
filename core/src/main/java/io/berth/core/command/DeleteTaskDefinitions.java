package io.berth.core.command;

import java.util.List;

/** ECS DeleteTaskDefinitions: up to 10 INACTIVE revisions become DELETE_IN_PROGRESS. */
public record DeleteTaskDefinitions(List<String> taskDefinitions) implements AccountCommand {
}

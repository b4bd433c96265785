package io.berth.core.command;

/** ECS DeregisterTaskDefinition: one revision (with its number) becomes INACTIVE. */
public record DeregisterTaskDefinition(String taskDefinition) implements AccountCommand {
}

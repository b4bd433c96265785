package io.berth.core.command;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;

/** A command decided by the account-and-region boundary (task definitions). */
public sealed interface AccountCommand extends Command
        permits RegisterTaskDefinition, DeregisterTaskDefinition, DeleteTaskDefinitions {

    @Override
    default Boundary boundary(Scope scope) {
        return Boundary.account(scope);
    }
}

package io.berth.core.command;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import java.util.List;

/** ECS UntagResource. */
public record UntagResource(String resourceArn, List<String> tagKeys) implements Command {

    @Override
    public Boundary boundary(Scope scope) {
        return TaggableResource.of(scope, resourceArn).boundary();
    }
}

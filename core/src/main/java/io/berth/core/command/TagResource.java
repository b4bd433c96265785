package io.berth.core.command;

import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;
import io.berth.core.model.Tag;
import java.util.List;

/** ECS TagResource: decided by the boundary that owns the resource the ARN names. */
public record TagResource(String resourceArn, List<Tag> tags) implements Command {

    @Override
    public Boundary boundary(Scope scope) {
        return TaggableResource.of(scope, resourceArn).boundary();
    }
}

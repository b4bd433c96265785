package io.berth.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.arn.TaskDefinitionRef;
import io.berth.core.command.Command;
import io.berth.core.command.DeleteTaskDefinitions;
import io.berth.core.command.DeregisterTaskDefinition;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.Event;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.TaskDefinitionDeleteRequested;
import io.berth.core.event.TaskDefinitionDeregistered;
import io.berth.core.event.TaskDefinitionRegistered;
import io.berth.core.json.Json;
import io.berth.core.model.Failure;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskDefinition;
import io.berth.core.validate.TaskDefinitionValidator;
import io.berth.core.validate.Tags;
import java.util.ArrayList;
import java.util.List;

/** Decides the commands of the account-and-region boundary: task definitions and their tags. */
public final class AccountDecider {

    private AccountDecider() {
    }

    public static Decision decide(AccountState state, Command command, DecisionContext ctx) {
        try {
            return dispatch(state, command, ctx);
        } catch (EcsException rejection) {
            return Decision.rejected(rejection);
        }
    }

    private static Decision dispatch(AccountState state, Command command, DecisionContext ctx) {
        if (command instanceof RegisterTaskDefinition c) {
            return register(state, c, ctx);
        } else if (command instanceof DeregisterTaskDefinition c) {
            return deregister(state, c, ctx);
        } else if (command instanceof DeleteTaskDefinitions c) {
            return delete(state, c, ctx);
        } else if (command instanceof TagResource c) {
            TaskDefinition td = taggable(state, c.resourceArn());
            List<Tag> added = Tags.validate(c.tags());
            if (added.isEmpty()) {
                throw EcsException.invalidParameter("Tags cannot be empty.");
            }
            List<Tag> after = Tags.merge(state.tags(td.taskDefinitionArn()), added);
            return Decision.accepted(List.of(new ResourceTagged(td.taskDefinitionArn(), added, after)),
                    Responses.empty());
        } else if (command instanceof UntagResource c) {
            TaskDefinition td = taggable(state, c.resourceArn());
            if (c.tagKeys() == null || c.tagKeys().isEmpty()) {
                throw EcsException.invalidParameter("Tag keys cannot be empty.");
            }
            List<Tag> after = Tags.remove(state.tags(td.taskDefinitionArn()), c.tagKeys());
            return Decision.accepted(
                    List.of(new ResourceUntagged(td.taskDefinitionArn(), List.copyOf(c.tagKeys()), after)),
                    Responses.empty());
        } else if (command instanceof ResetBoundary) {
            return Decision.accepted(List.of(new BoundaryReset(state.boundary().key(), null)), Responses.empty());
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not an account command");
    }

    private static Decision register(AccountState state, RegisterTaskDefinition c, DecisionContext ctx) {
        TaskDefinition validated = TaskDefinitionValidator.validate(c);
        List<Tag> tags = Tags.validate(c.tags());
        Scope scope = state.boundary().scope();
        int revision = state.lastRevision(validated.family()) + 1;
        TaskDefinition registered = validated.registered(
                Arns.taskDefinition(scope, validated.family(), revision), revision, ctx.now(), ctx.actor());
        ObjectNode response = Responses.of("taskDefinition", registered);
        if (!tags.isEmpty()) {
            response.set("tags", Json.toTree(tags));
        }
        return Decision.accepted(List.of(new TaskDefinitionRegistered(registered, tags)), response);
    }

    private static Decision deregister(AccountState state, DeregisterTaskDefinition c, DecisionContext ctx) {
        TaskDefinitionRef ref = TaskDefinitionRef.parse(state.boundary().scope(), c.taskDefinition());
        if (ref.revision().isEmpty()) {
            throw EcsException.client("A revision must be given to deregister a task definition: use family:revision "
                    + "or the full ARN.");
        }
        TaskDefinition td = state.revision(ref.family(), ref.revision().getAsInt())
                .orElseThrow(() -> EcsException.client("The specified task definition does not exist."));
        if (!td.isActive()) {
            return Decision.unchanged(Responses.of("taskDefinition", td));
        }
        TaskDefinition inactive = td.deregistered(ctx.now());
        return Decision.accepted(List.of(new TaskDefinitionDeregistered(inactive)),
                Responses.of("taskDefinition", inactive));
    }

    private static Decision delete(AccountState state, DeleteTaskDefinitions c, DecisionContext ctx) {
        List<String> refs = c.taskDefinitions();
        if (refs == null || refs.isEmpty() || refs.size() > 10) {
            throw EcsException.invalidParameter("taskDefinitions must name between 1 and 10 task definitions.");
        }
        List<Event> events = new ArrayList<>();
        List<TaskDefinition> deleted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String reference : refs) {
            TaskDefinition td;
            try {
                TaskDefinitionRef ref = TaskDefinitionRef.parse(state.boundary().scope(), reference);
                if (ref.revision().isEmpty()) {
                    failures.add(new Failure(reference, "The specified task definition identifier is invalid. "
                            + "Specify a valid name or ARN and try again.", null));
                    continue;
                }
                td = state.revision(ref.family(), ref.revision().getAsInt()).orElse(null);
            } catch (EcsException invalid) {
                failures.add(new Failure(reference, "The specified task definition identifier is invalid. "
                        + "Specify a valid name or ARN and try again.", null));
                continue;
            }
            if (td == null) {
                failures.add(new Failure(reference, "The specified task definition does not exist.", null));
            } else if (alreadyListed(deleted, td)) {
                // The same revision named twice (e.g. as family:revision and as ARN) is deleted once.
                continue;
            } else if (td.isActive()) {
                failures.add(new Failure(td.taskDefinitionArn(), "The specified task definition is still in ACTIVE "
                        + "status. Please deregister the target and try again.", null));
            } else if (TaskDefinition.DELETE_IN_PROGRESS.equals(td.status())) {
                deleted.add(td);
            } else {
                TaskDefinition deleting = td.deleteRequested(ctx.now());
                events.add(new TaskDefinitionDeleteRequested(deleting));
                deleted.add(deleting);
            }
        }
        ObjectNode response = Responses.of("taskDefinitions", deleted, "failures", failures);
        return Decision.accepted(events, response);
    }

    private static boolean alreadyListed(List<TaskDefinition> deleted, TaskDefinition td) {
        return deleted.stream().anyMatch(d -> d.taskDefinitionArn().equals(td.taskDefinitionArn()));
    }

    private static TaskDefinition taggable(AccountState state, String resourceArn) {
        TaskDefinitionRef ref = TaskDefinitionRef.parse(state.boundary().scope(), resourceArn);
        return ref.revision().stream().boxed()
                .flatMap(rev -> state.revision(ref.family(), rev).stream())
                .findFirst()
                .orElseThrow(() -> new EcsException(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION,
                        "The specified resource could not be found."));
    }
}

package io.berth.core.arn;

import io.berth.core.error.EcsException;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A {@code taskDefinition} parameter: a family (meaning its latest ACTIVE revision), a
 * {@code family:revision}, or a task-definition ARN (ecs-semantics §1.5).
 */
public record TaskDefinitionRef(String family, OptionalInt revision) {

    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    public static TaskDefinitionRef parse(Scope scope, String reference) {
        if (reference == null || reference.isEmpty()) {
            throw EcsException.client("Task definition cannot be empty.");
        }
        String familyRevision = reference;
        if (Arns.isArn(reference)) {
            ParsedArn arn = Arns.parse(reference)
                    .filter(a -> a.service().equals("ecs") && a.resourceType().equals("task-definition"))
                    .orElseThrow(() -> EcsException.client("Invalid revision number. Number: " + reference));
            if (!arn.scope().equals(scope)) {
                throw EcsException.client("Unable to describe task definition.");
            }
            familyRevision = arn.path();
        }
        int colon = familyRevision.indexOf(':');
        String family = colon < 0 ? familyRevision : familyRevision.substring(0, colon);
        if (!FAMILY.matcher(family).matches()) {
            throw EcsException.client("Invalid family: " + family);
        }
        if (colon < 0) {
            return new TaskDefinitionRef(family, OptionalInt.empty());
        }
        String revision = familyRevision.substring(colon + 1);
        try {
            int number = Integer.parseInt(revision);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return new TaskDefinitionRef(family, OptionalInt.of(number));
        } catch (NumberFormatException e) {
            throw EcsException.client("Invalid revision number. Number: " + revision);
        }
    }

    @Override
    public String toString() {
        return revision.isPresent() ? family + ":" + revision.getAsInt() : family;
    }
}

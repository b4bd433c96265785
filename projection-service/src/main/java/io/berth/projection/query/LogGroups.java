package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.projection.view.LogStreamView;
import io.smallrye.mutiny.Uni;

/**
 * The log group a CloudWatch Logs request names ({@code logGroupName}, or {@code logGroupIdentifier}:
 * a name or the group's ARN), and the checks that it and a stream of it exist. A group exists
 * while it has a stream, and a stream once output arrived for it.
 */
final class LogGroups {

    private LogGroups() {
    }

    /** The group's name; exactly one of name and identifier must be given. */
    static String name(Scope scope, String logGroupName, String logGroupIdentifier) {
        if ((logGroupName == null) == (logGroupIdentifier == null)) {
            throw EcsException.invalidParameter(
                    "You must include either logGroupIdentifier or logGroupName, but not both.");
        }
        String name = logGroupName != null ? logGroupName : fromIdentifier(scope, logGroupIdentifier);
        if (name.isEmpty() || name.length() > 512) {
            throw EcsException.invalidParameter("The log group name must be 1 to 512 characters.");
        }
        return name;
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]}, or a plain name. */
    private static String fromIdentifier(Scope scope, String identifier) {
        if (!identifier.startsWith("arn:")) {
            return identifier;
        }
        String prefix = scope.arnPrefix("logs") + "log-group:";
        if (!identifier.startsWith(prefix)) {
            throw groupNotFound();
        }
        String name = identifier.substring(prefix.length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    static Uni<Void> existing(Scope scope, String group) {
        return LogStreamView.find("account = ?1 and region = ?2 and logGroup = ?3", scope.account(), scope.region(),
                group).firstResult()
                .chain(stream -> stream == null ? Uni.createFrom().failure(groupNotFound())
                        : Uni.createFrom().voidItem());
    }

    /** The stream must exist; when it does not, the error says whether its group does. */
    static Uni<Void> existing(Scope scope, String group, String stream) {
        return LogStreamView.findById(new LogStreamView.Key(scope.account(), scope.region(), group, stream))
                .chain(found -> found != null ? Uni.createFrom().voidItem()
                        : existing(scope, group).chain(() -> Uni.createFrom().failure(streamNotFound())));
    }

    static String streamArn(Scope scope, String group, String stream) {
        return scope.arnPrefix("logs") + "log-group:" + group + ":log-stream:" + stream;
    }

    private static EcsException groupNotFound() {
        return new EcsException(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION, "The specified log group does not exist.");
    }

    private static EcsException streamNotFound() {
        return new EcsException(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION, "The specified log stream does not exist.");
    }
}

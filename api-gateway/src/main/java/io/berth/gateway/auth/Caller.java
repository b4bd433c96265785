package io.berth.gateway.auth;

import io.berth.core.arn.Scope;

/**
 * Who is calling and where: the account and region the request acts in (all state is isolated
 * by them), the access key it was signed with, and the principal recorded as actor in events.
 */
public record Caller(Scope scope, String accessKeyId, String actor) {

    /** The key under which this caller's writes are remembered for read-your-writes. */
    public String sessionKey() {
        return accessKeyId + "@" + scope.account() + "/" + scope.region();
    }
}

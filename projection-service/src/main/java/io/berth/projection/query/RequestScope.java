package io.berth.projection.query;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;

/** The account and region a gateway request acts in, from its {@code X-Berth-*} headers. */
public final class RequestScope {

    private RequestScope() {
    }

    public static Scope of(String account, String region) {
        if (account == null || !account.matches("[0-9]{12}")) {
            throw EcsException.invalidParameter("X-Berth-Account must be a 12-digit account id.");
        }
        if (region == null || region.isEmpty()) {
            throw EcsException.invalidParameter("X-Berth-Region is required.");
        }
        try {
            return new Scope(account, region);
        } catch (IllegalArgumentException e) {
            throw EcsException.invalidParameter("X-Berth-Region is not a region name: " + region);
        }
    }
}

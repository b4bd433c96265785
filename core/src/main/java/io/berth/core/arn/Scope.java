package io.berth.core.arn;

import java.util.Objects;
import java.util.regex.Pattern;

/** The account and region a request acts in: all state is isolated per scope. */
public record Scope(String account, String region) {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+|[a-z0-9-]{1,32}");

    public Scope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be 12 digits: " + account);
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
    }

    /** The prefix every ECS ARN of this scope starts with. */
    public String arnPrefix(String service) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":";
    }
}

package io.berth.core.agent;

import java.util.List;

/**
 * Container output an agent collected, on {@code berth.logs} (key = account/region/group/stream):
 * the CloudWatch Logs shape, timestamps in epoch milliseconds.
 */
public record LogBatch(String account, String region, String logGroupName, String logStreamName,
        List<LogEvent> logEvents) {

    /** One line of output. */
    public record LogEvent(long timestamp, String message) {
    }

    public String key() {
        return account + "/" + region + "/" + logGroupName + "/" + logStreamName;
    }
}

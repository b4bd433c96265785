package io.berth.core.event;

import java.util.List;

/** STOPPED tasks past their retention were forgotten. */
public record TasksExpired(String clusterArn, List<String> taskArns) implements Event {

    @Override
    public String resourceArn() {
        return clusterArn;
    }
}

package io.berth.core.decide;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.error.EcsError;
import io.berth.core.error.EcsException;
import io.berth.core.event.Event;
import java.util.List;

/**
 * What a decider answers: the events to append and the ECS response body, or a rejection. An
 * accepted decision with no events is a no-op that still answers (e.g. CreateCluster on an
 * existing cluster).
 */
public record Decision(List<Event> events, JsonNode response, EcsError error) {

    public static Decision accepted(List<Event> events, JsonNode response) {
        return new Decision(List.copyOf(events), response, null);
    }

    public static Decision unchanged(JsonNode response) {
        return new Decision(List.of(), response, null);
    }

    public static Decision rejected(EcsException rejection) {
        return new Decision(List.of(), null, rejection.toError());
    }

    public boolean isAccepted() {
        return error == null;
    }
}

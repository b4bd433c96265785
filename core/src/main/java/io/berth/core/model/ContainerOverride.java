package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** RunTask/StartTask overrides of one container. */
public record ContainerOverride(String name, List<String> command, List<KeyValuePair> environment,
        JsonNode environmentFiles, Integer cpu, Integer memory, Integer memoryReservation,
        JsonNode resourceRequirements) {
}

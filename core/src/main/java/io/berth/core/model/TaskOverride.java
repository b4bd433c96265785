package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** RunTask/StartTask overrides of a task. */
public record TaskOverride(List<ContainerOverride> containerOverrides, String cpu, String memory,
        String taskRoleArn, String executionRoleArn, JsonNode inferenceAcceleratorOverrides,
        JsonNode ephemeralStorage) {
}

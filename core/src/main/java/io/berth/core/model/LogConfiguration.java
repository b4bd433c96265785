package io.berth.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Where a container's output goes ({@code awslogs}, {@code json-file}, ...). */
public record LogConfiguration(String logDriver, Map<String, String> options, JsonNode secretOptions) {
}

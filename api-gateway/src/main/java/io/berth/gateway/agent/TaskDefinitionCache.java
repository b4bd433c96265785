package io.berth.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.arn.Arns;
import io.berth.core.arn.ParsedArn;
import io.berth.core.json.Json;
import io.berth.gateway.read.ProjectionClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task definition revisions by ARN, for the agents' assignments. A revision never changes its
 * containers, so once read it is kept.
 */
@ApplicationScoped
public class TaskDefinitionCache {

    private final ProjectionClient projection;
    private final Map<String, JsonNode> byArn = new ConcurrentHashMap<>();

    public TaskDefinitionCache(ProjectionClient projection) {
        this.projection = projection;
    }

    public Uni<JsonNode> get(String arn) {
        JsonNode cached = byArn.get(arn);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        ParsedArn parsed = Arns.parse(arn).orElseThrow(() -> new IllegalArgumentException("not an ARN: " + arn));
        byte[] request = Json.toBytes(Map.of("taskDefinition", arn));
        return projection.ecs("DescribeTaskDefinition", parsed.account(), parsed.region(), null, request)
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new IllegalStateException("cannot read " + arn + ": " + answer.status());
                    }
                    JsonNode definition = Json.readTree(answer.body()).path("taskDefinition");
                    byArn.put(arn, definition);
                    return definition;
                });
    }
}

package io.berth.scheduler.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.arn.Scope;
import io.berth.core.command.UpdateService;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import java.io.IOException;

/**
 * The body of {@code POST /internal/dry-run}: whose cluster, and the UpdateService request to try
 * there, as the ECS JSON a client sends (its own {@code cluster} member, if any, gives way to
 * {@code cluster}).
 */
public record DryRunRequest(String account, String region, String cluster, JsonNode update) {

    public static DryRunRequest parse(byte[] body) {
        DryRunRequest request;
        try {
            request = Json.MAPPER.readValue(body == null || body.length == 0 ? "{}".getBytes() : body,
                    DryRunRequest.class);
        } catch (JsonProcessingException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "Cannot read the request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "Cannot read the request.");
        }
        if (blank(request.account()) || blank(request.region()) || blank(request.cluster())) {
            throw EcsException.invalidParameter("A dry run needs the account, region and cluster.");
        }
        if (request.update() == null || !request.update().isObject()) {
            throw EcsException.invalidParameter("A dry run needs the UpdateService request as update.");
        }
        return request;
    }

    public Scope scope() {
        return new Scope(account, region);
    }

    /** The UpdateService command, in this request's cluster. */
    public UpdateService command() {
        ObjectNode members = ((ObjectNode) update).deepCopy();
        members.put("cluster", cluster);
        try {
            return Json.MAPPER.treeToValue(members, UpdateService.class);
        } catch (JsonProcessingException e) {
            throw new EcsException(ErrorCode.SERIALIZATION_EXCEPTION, "Cannot read the UpdateService request: "
                    + e.getOriginalMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

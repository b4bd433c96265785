package io.berth.projection.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.error.EcsException;
import io.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ECS {@code nextToken}s: opaque to clients, here the base64url of the operation's name and the
 * sort key of the last item returned. Listing resumes after that key (keyset paging), so a page
 * is never short except the last and concurrent changes never repeat or skip an item that stays.
 */
public final class PageToken {

    private PageToken() {
    }

    public static String encode(String operation, List<String> lastKey) {
        ObjectNode token = Json.MAPPER.createObjectNode();
        token.put("op", operation);
        ArrayNode key = token.putArray("after");
        lastKey.forEach(key::add);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(token));
    }

    /** The key a token resumes after; a token that is garbled or from another operation is an invalid parameter. */
    public static List<String> decode(String operation, String token, int keyParts) {
        try {
            JsonNode node = Json.readTree(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
            JsonNode key = node.path("after");
            if (!operation.equals(node.path("op").asText()) || !key.isArray() || key.size() != keyParts) {
                throw invalid();
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode part : key) {
                if (!part.isTextual()) {
                    throw invalid();
                }
                parts.add(part.asText());
            }
            return parts;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw invalid();
        }
    }

    private static EcsException invalid() {
        return EcsException.invalidParameter("Invalid nextToken.");
    }
}

package io.berth.projection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Follows nextTokens through a listing, checking that only the last page is short. */
public final class Pages {

    private Pages() {
    }

    /**
     * Every item of a listing read with pages of {@code size}: {@code body} is the request body
     * without nextToken (single quotes), {@code member} the list in the response.
     */
    public static List<String> all(EcsApi api, String operation, String body, String member, int size,
            EventLog.Written written) {
        List<String> items = new ArrayList<>();
        String token = null;
        do {
            String withPaging = body.substring(0, body.length() - 1) + (body.length() > 2 ? "," : "")
                    + "'maxResults':" + size + (token == null ? "" : ",'nextToken':'" + token + "'") + "}";
            var page = api.call(operation, withPaging, written).statusCode(200).extract().jsonPath();
            List<String> pageItems = page.getList(member);
            token = page.getString("nextToken");
            if (token != null) {
                assertThat(pageItems).as("a page followed by more is full").hasSize(size);
            } else {
                assertThat(pageItems.size()).as("the last page").isBetween(0, size);
            }
            items.addAll(pageItems);
        } while (token != null);
        return items;
    }
}

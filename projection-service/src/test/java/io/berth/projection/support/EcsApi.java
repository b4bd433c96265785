package io.berth.projection.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** Calls the projection's internal ECS read API (or its CloudWatch Logs one) as the gateway does. */
public final class EcsApi {

    private final String account;
    private final String path;

    public EcsApi(String account) {
        this(account, "/internal/ecs/");
    }

    private EcsApi(String account, String path) {
        this.account = account;
        this.path = path;
    }

    /** The CloudWatch Logs read API, {@code /internal/logs/<operation>}; positions are in berth.logs. */
    public static EcsApi logs(String account) {
        return new EcsApi(account, "/internal/logs/");
    }

    /** POSTs the operation with the body (single quotes stand for double quotes), reading at least {@code written}. */
    public ValidatableResponse call(String operation, String body, EventLog.Written written) {
        var request = given()
                .header("X-Berth-Account", account)
                .header("X-Berth-Region", Scenario.REGION)
                .contentType("application/json")
                .body(body.replace('\'', '"'));
        if (written != null) {
            request.header("X-Berth-Min-Position", written.header());
        }
        return request.post(path + operation).then();
    }

    public ValidatableResponse call(String operation, String body) {
        return call(operation, body, null);
    }
}

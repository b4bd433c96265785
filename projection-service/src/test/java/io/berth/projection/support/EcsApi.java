package io.berth.projection.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** Calls the projection's internal ECS read API as the gateway does. */
public final class EcsApi {

    private final String account;

    public EcsApi(String account) {
        this.account = account;
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
        return request.post("/internal/ecs/" + operation).then();
    }

    public ValidatableResponse call(String operation, String body) {
        return call(operation, body, null);
    }
}

package io.spinemet.efficacy.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Assertions every problem response must pass. */
final class Problems {

    private Problems() {
    }

    /**
     * JSON numbers as doubles, not floats, so that 1e-9 tolerances mean something; and every response checked
     * against the committed OpenAPI document ({@link OpenApiContract}).
     */
    static void useDoubles() {
        OpenApiContract.install();
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }
}

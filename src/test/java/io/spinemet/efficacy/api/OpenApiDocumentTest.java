package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.{json,yaml} must be exactly what the build generates. The test profile stores the
 * document under target/openapi-test (so testing never rewrites the committed files); the package phase rewrites
 * openapi/. Fix a failure with {@code ./mvnw -B -ntp package -DskipTests} and commit openapi/.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static {
        Problems.useDoubles();
    }

    @Test
    void committedDocumentMatchesTheBuild() throws Exception {
        for (String name : new String[] {"openapi.json", "openapi.yaml"}) {
            String generated = Files.readString(Path.of("target/openapi-test", name));
            String committed = Files.readString(Path.of("openapi", name));
            assertEquals(generated, committed, "openapi/" + name + " is out of date: run "
                    + "'./mvnw -B -ntp package -DskipTests' and commit openapi/");
        }
    }

    @Test
    void factorsSchemaIsDerivedFromTheCatalogue() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Factors.additionalProperties", equalTo(false))
                .body("components.schemas.Factors.properties.malnutrition.type", equalTo("boolean"))
                .body("components.schemas.Factors.properties.frankelGrade.enum", contains("A", "B", "C", "D", "E"))
                .body("components.schemas.Factors.properties.primaryTumorGrowth.enum",
                        contains("SLOW", "MODERATE", "RAPID"))
                .body("components.schemas.Factors.properties.vertebraeInvolved.type", equalTo("integer"))
                .body("components.schemas.Factors.properties.vertebraeInvolved.minimum", equalTo(1))
                .body("components.schemas.Factors.properties.size()", equalTo(12))
                .body("components.schemas.PredictionRequest.properties.factors.$ref",
                        equalTo("#/components/schemas/Factors"))
                .body("components.schemas.PredictionRequest.additionalProperties", equalTo(false))
                .body("paths.'/api/v1/predictions'.post.requestBody.content.'application/json'.examples.pvp.value",
                        notNullValue())
                .body("paths.'/api/v1/predictions'.post.responses.keySet()", hasItems("200", "400", "413", "415"))
                .body("paths.'/api/v1/predictions'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/predictions/batch'.post.requestBody.content.keySet()",
                        hasItems("application/json", "text/csv"))
                .body("paths.'/api/v1/models/{procedure}'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/markdown"))
                .body("paths.'/api/v1/factors'.get.responses.'200'", notNullValue());
    }

    @Test
    void measurementsAndScoresAreDocumented() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Measurements.additionalProperties", equalTo(false))
                .body("components.schemas.Measurements.properties.size()",
                        equalTo(io.spinemet.efficacy.measurement.MeasurementCatalogue.MEASUREMENTS.size()))
                .body("components.schemas.Measurements.properties.serumAlbumin.required", contains("value", "unit"))
                .body("components.schemas.Measurements.properties.karnofskyPerformanceStatus.multipleOf",
                        equalTo(10))
                .body("components.schemas.Measurements.properties.visceralMetastases.enum",
                        contains("NONE", "REMOVABLE", "UNREMOVABLE"))
                .body("components.schemas.PredictionRequest.properties.measurements.$ref",
                        equalTo("#/components/schemas/Measurements"))
                .body("paths.'/api/v1/predictions'.post.requestBody.content.'application/json'.examples"
                        + ".measurements.value.measurements.serumAlbumin.unit", equalTo("g/dL"))
                .body("paths.'/api/v1/scores'.post.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Scores"))
                .body("paths.'/api/v1/measurements'.get.responses.'200'", notNullValue())
                .body("components.schemas.Score.properties.keySet()", hasItems("computed", "total", "maximum",
                        "items", "band", "citation", "warnings", "missingInputs"));
    }
}

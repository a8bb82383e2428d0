package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.spinemet.efficacy.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The service with the models bundled in the jar (no spinemet.models.dir): the example requests work against them. */
@QuarkusTest
@TestProfile(BundledModelsApiTest.Bundled.class)
@EnabledIf("io.spinemet.efficacy.scoring.BundledModelsTest#present")
class BundledModelsApiTest {

    static {
        Problems.useDoubles();
    }

    public static class Bundled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinemet.models.dir", "");
        }
    }

    @Test
    void servesTheBundledModels() throws Exception {
        String sha = Sha256.hex(Files.readAllBytes(Path.of("models/pvp.json")));
        given().when().get("/api/v1/models/pvp").then().statusCode(200).body("sha256", equalTo(sha));
        given().accept("text/markdown").when().get("/api/v1/models/pvp").then().statusCode(200)
                .body(equalTo(Files.readString(Path.of("models/pvp.md"))));
        for (String example : new String[] {"predict-pvp.json", "predict-decompression.json"}) {
            given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("openapi/examples", example)))
                    .when().post("/api/v1/predictions").then().statusCode(200).body("model.card", startsWith("/api/v1"));
        }
        given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("openapi/examples/comparison.json")))
                .when().post("/api/v1/predictions/comparison").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Files.readAllBytes(Path.of("openapi/examples/batch.json")))
                .when().post("/api/v1/predictions/batch").then().statusCode(200).body("scored", equalTo(2));
        given().contentType("text/csv").body(Files.readAllBytes(Path.of("openapi/examples/batch.csv")))
                .when().post("/api/v1/predictions/batch").then().statusCode(200);
    }
}

package io.spinemet.efficacy.api;

import io.spinemet.efficacy.Management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PVP-only hospital: the service starts with the one model, says which it serves, and refuses the other clearly. */
@QuarkusTest
@TestProfile(OneModelApiTest.PvpOnly.class)
class OneModelApiTest {

    public static class PvpOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target/pvp-only-models");
            try {
                Files.createDirectories(dir);
                for (String f : new String[] {"pvp.json", "pvp.json.sha256", "pvp.md"}) {
                    Files.copy(Path.of("src/test/resources/fixture-models", f), dir.resolve(f),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("spinemet.models.dir", dir.toString());
        }
    }

    @Test
    void readinessListsTheLoadedModels() {
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.loaded", equalTo("PVP"));
        given().when().get("/api/v1/models").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aMissingModelIsA404OrA422Problem() {
        given().when().get("/api/v1/models/decompression").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemException.MODEL_NOT_SERVED))
                .body("detail", containsString("serves PVP"));
        given().contentType(ContentType.JSON)
                .body("{\"procedure\": \"DECOMPRESSION\", \"factors\": {}}")
                .when().post("/api/v1/predictions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemException.MODEL_NOT_SERVED));
        given().contentType(ContentType.JSON).body("{\"factors\": {}}")
                .when().post("/api/v1/predictions/comparison").then().statusCode(422);
    }

    @Test
    void procedureNamesAreCaseInsensitive() {
        given().contentType(ContentType.JSON).body("{\"procedure\": \"pvp\", \"factors\": {\"malnutrition\": true, "
                        + "\"poorPerformanceStatus\": false, \"targetedTherapy\": true, "
                        + "\"metastasisDuringChemotherapy\": false, \"postoperativeRadiotherapy\": true}}")
                .when().post("/api/v1/predictions").then().statusCode(200).body("procedure", equalTo("PVP"));
    }
}

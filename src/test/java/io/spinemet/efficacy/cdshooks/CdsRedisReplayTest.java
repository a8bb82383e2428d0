package io.spinemet.efficacy.cdshooks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.spinemet.efficacy.security.RedisProfile;
import io.spinemet.efficacy.security.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A hook call with a complete prefetch is answered on an I/O thread, but with the replay cache in Redis its token
 * check waits on the network: the check must move to a worker (Quarkus refuses blocking Redis calls on an I/O
 * thread), and a replayed token must still be refused.
 */
@QuarkusTest
@TestProfile(RedisProfile.class)
@QuarkusTestResource(CdsTestClient.class)
class CdsRedisReplayTest {

    @Test
    void aCompletePrefetchIsAnsweredWithTheReplayCacheInRedisAndAReplayIsRefused() throws Exception {
        assumeTrue(TestRedis.url() != null, "no redis-server here (CI provides one)");
        String path = "/cds-services/spinemet-order-select";
        String body = Files.readString(Path.of(CdsServicesResourceTest.EXAMPLES + "pvp-complete.order-select.json"));
        String token = CdsTestClient.token(path);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post(path).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post(path).then().statusCode(401);
    }
}

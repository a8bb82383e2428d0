package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.Response;

/** Writes problems as {@code application/problem+json}, independent of the request's Accept header. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(Problem.class);

    private ProblemResponses() {
    }

    public static byte[] bytes(Problem problem) {
        try {
            return WRITER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record could not be written", e);
        }
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(bytes(problem)).build();
    }

    /** A problem for a plain HTTP status with no field errors. */
    public static Problem plain(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }
}

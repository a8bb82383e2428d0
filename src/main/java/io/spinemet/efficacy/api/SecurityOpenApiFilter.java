package io.spinemet.efficacy.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.spinemet.efficacy.security.ApiScopes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the authentication of {@code /api/}: an OAuth 2.0 bearer-JWT scheme, each operation's required scope
 * ({@link ApiScopes}, the table the service enforces), and its 401, 403 and 429 problem responses.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SecurityOpenApiFilter implements OASFilter {

    public static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // SmallRye JWT registers a generic scheme; the document names ours once.
        openAPI.getComponents().setSecuritySchemes(Map.of(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An OAuth 2.0 access token (JWT, RS or ES signature) from the hospital's identity "
                        + "provider, with the scope each operation names: predict or models:read.")));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!ApiScopes.protectedPath(path.getKey())) {
                continue;
            }
            String example = path.getKey().replace('{', 'x').replace('}', 'x');
            List<String> scopes = ApiScopes.requiredScope(example).map(List::of).orElse(List.of());
            for (Operation operation : path.getValue().getOperations().values()) {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, scopes)));
                operation.getResponses()
                        .addAPIResponse("401", problem("No bearer token, or one that fails a check; the problem's "
                                + "type names the check (token-expired, token-audience, ...)"))
                        .addAPIResponse("403", problem("The token lacks the scope this operation requires"))
                        .addAPIResponse("429", problem("The client's request rate is used up; see Retry-After"));
            }
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemResponses.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}

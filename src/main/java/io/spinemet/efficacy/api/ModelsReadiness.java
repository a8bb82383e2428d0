package io.spinemet.efficacy.api;

import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the models are loaded (start-up fails otherwise); lists the loaded procedures ({@code loaded}) and each
 * model's id, version and SHA-256.
 */
@Readiness
@ApplicationScoped
public class ModelsReadiness implements HealthCheck {

    private final ModelRegistry registry;

    public ModelsReadiness(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("models").up();
        builder.withData("loaded", String.join(",", registry.all().stream().map(m -> m.procedure().name()).toList()));
        for (LoadedModel m : registry.all()) {
            String key = m.procedure().slug();
            builder.withData(key + ".id", m.info().id())
                    .withData(key + ".version", m.info().version())
                    .withData(key + ".sha256", m.sha256());
        }
        return builder.build();
    }
}

package io.spinemet.efficacy.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Start-up checks of the security settings: with authentication on, the service refuses to start without the
 * issuer's key set, the issuer and the audience (it would otherwise refuse every call, or worse); with it off, it warns.
 */
@ApplicationScoped
public class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);

    /** Settings token verification cannot do without, each with what it is. */
    static final List<String[]> REQUIRED = List.of(
            new String[] {"mp.jwt.verify.publickey.location", "the issuer's JWK Set (URL or file)"},
            new String[] {"mp.jwt.verify.issuer", "the expected iss"},
            new String[] {"mp.jwt.verify.audiences", "the expected aud, this service's identifier at the issuer"});

    void check(@Observes StartupEvent event, SecuritySettings settings, Config config) {
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        if (!settings.authEnabled()) {
            LOG.warnf("Authentication of /api/v1 is OFF (spinemet.security.auth-enabled=false): anyone who can "
                    + "reach %s can score patients. Bound to %s only%s.", host, host,
                    settings.unauthenticatedHost().equals("127.0.0.1") ? ""
                            : " (spinemet.security.unauthenticated-host)");
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String[] required : REQUIRED) {
            Optional<String> value = config.getOptionalValue(required[0], String.class);
            if (required[0].equals("mp.jwt.verify.publickey.location")) {
                value = value.or(() -> config.getOptionalValue("mp.jwt.verify.publickey", String.class));
            }
            if (value.isEmpty() || value.get().isBlank()) {
                missing.add(required[0] + " (" + required[1] + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Authentication of /api/v1 is on (the default) but not configured; set "
                    + String.join(", ", missing) + ". To run without authentication on this machine only, set "
                    + "spinemet.security.auth-enabled=false (it then binds 127.0.0.1).");
        }
        LOG.infof("Authentication of /api/v1: bearer JWTs from %s for audience %s",
                config.getValue("mp.jwt.verify.issuer", String.class),
                config.getValue("mp.jwt.verify.audiences", String.class));
    }
}

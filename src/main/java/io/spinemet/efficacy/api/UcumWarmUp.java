package io.spinemet.efficacy.api;

import io.quarkus.runtime.StartupEvent;
import io.spinemet.efficacy.measurement.Ucum;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Loads the UCUM library and its conversion factors on a background thread once the service starts, so that neither
 * start-up nor the first request from measurements pays the half second it takes.
 */
@Singleton
public class UcumWarmUp {

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(Ucum::warmUp, "ucum-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}

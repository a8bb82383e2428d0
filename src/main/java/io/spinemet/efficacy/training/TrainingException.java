package io.spinemet.efficacy.training;

/** A model that cannot be trained from the data or options given; the message says why and what to change. */
public class TrainingException extends Exception {
    public TrainingException(String message) {
        super(message);
    }
}

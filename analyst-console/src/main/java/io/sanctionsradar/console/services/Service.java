package io.sanctionsradar.console.services;

/** The three services the console calls with the viewer's token. */
public enum Service {
    DESIGNATION("designation-service"), SCREENING("screening-service"), NOTIFICATION("notification-service");

    public final String label;

    Service(String label) {
        this.label = label;
    }
}

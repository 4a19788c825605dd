package io.sanctionsradar.screening.watchlist;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.regex.Pattern;

/**
 * Which instance this is among those sharing one database ({@code screening.instance-id}). Each instance
 * materializes its own copy of the watchlist with its own consumer positions, stored under this id; parties, alerts,
 * receipts and outboxes are shared. Checked at startup, so a bad id stops the service before it stores anything.
 */
@Startup
@Singleton
public class InstanceId {

    public static final String PROPERTY = "screening.instance-id";
    /** Fits the instance_id columns (VARCHAR(64)) and a Kubernetes pod name. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String value;

    @Inject
    InstanceId(@ConfigProperty(name = PROPERTY) String value) {
        this.value = checked(value);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** The id as configured; IllegalArgumentException naming the property when it is not a valid one. */
    private static String checked(String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(PROPERTY + " (SCREENING_INSTANCE_ID) must be 1 to 64 letters, digits, "
                    + "dots, underscores or hyphens, not \"" + value + "\"");
        }
        return value;
    }
}

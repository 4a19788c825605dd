package io.sanctionsradar.notification.subscriptions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of POST and PUT /api/v1/subscriptions; {@code enabled} (default true) re-enables a disabled one. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) String url,
        @NotEmpty List<@NotBlank String> eventTypes,
        SubscriptionFilter filter,
        @Size(max = 1000) String description,
        Boolean enabled) {
}

package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Another name of the subject; {@code script} is ISO 15924 (Latn, Hani, Cyrl, Arab …) when known. */
public record Alias(
        @NotBlank @Size(max = 512) String name,
        @NotNull AliasKind kind,
        @Pattern(regexp = "[A-Z][a-z]{3}", message = "must be an ISO 15924 script code such as Latn, Hani or Cyrl")
        String script) {
}

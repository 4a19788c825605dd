package io.sanctionsradar.console.web;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginFormsTest {

    private static final URI SELF = URI.create("http://console.example:8080/");

    @Test
    void a_browser_form_of_this_console_passes_and_one_of_another_site_is_refused() {
        assertTrue(SameOriginForms.sameOrigin("same-origin", "http://console.example:8080", SELF));
        assertTrue(SameOriginForms.sameOrigin(null, "http://console.example:8080", SELF));
        assertFalse(SameOriginForms.sameOrigin("cross-site", null, SELF));
        assertFalse(SameOriginForms.sameOrigin("same-site", "http://other.console.example:8080", SELF));
        assertFalse(SameOriginForms.sameOrigin(null, "http://evil.example", SELF));
        assertFalse(SameOriginForms.sameOrigin(null, "https://console.example:8080", SELF));
        assertFalse(SameOriginForms.sameOrigin(null, "null", SELF));
    }

    @Test
    void a_request_without_browser_headers_is_no_forged_form_and_passes() {
        assertTrue(SameOriginForms.sameOrigin(null, null, SELF));
    }
}

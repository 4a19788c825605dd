package io.sanctionsradar.console.pages.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditTargetTest {

    @Test
    void targets_with_a_console_page_link_to_it() {
        assertEquals("/designations/5b0d6a8e", AuditTarget.href("designation/5b0d6a8e"));
        assertEquals("/parties/cust-42?portfolio=emea", AuditTarget.href("party/emea/cust-42"));
        assertEquals("/parties?portfolio=emea", AuditTarget.href("portfolio/emea"));
        assertEquals("/webhooks/deliveries/d-1", AuditTarget.href("delivery/d-1"));
    }

    @Test
    void other_targets_have_no_link() {
        assertNull(AuditTarget.href("list/US-SDN"));
        assertNull(AuditTarget.href("party/emea"));
        assertNull(AuditTarget.href("nonsense"));
        assertNull(AuditTarget.href(null));
    }
}

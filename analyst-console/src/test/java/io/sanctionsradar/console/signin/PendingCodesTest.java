package io.sanctionsradar.console.signin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PendingCodesTest {

    @Test
    void s256_is_rfc_7636s_example() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                PendingCodes.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void a_code_is_redeemed_once() {
        PendingCodes codes = new PendingCodes();
        PendingCodes.Grant grant = new PendingCodes.Grant("analyst-console", "http://127.0.0.1/x", "c", null, "ana",
                List.of("analyst"), List.of("*"));
        String code = codes.issue(grant);
        assertEquals(grant, codes.redeem(code));
        assertNull(codes.redeem(code));
        assertNull(codes.redeem("made-up"));
        assertNull(codes.redeem(null));
    }

    @Test
    void the_production_profile_refuses_the_development_sign_in() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ProductionGuard.refuseInProduction(true, List.of("prod")));
        assertEquals(true, refused.getMessage().contains("console.dev-sign-in.enabled"));
        ProductionGuard.refuseInProduction(true, List.of("stack"));
        ProductionGuard.refuseInProduction(false, List.of("prod"));
    }

    @Test
    void a_code_goes_back_to_the_same_host_or_from_one_loopback_name_to_another() {
        assertEquals(true, DevIdentityProvider.sameHost("localhost", "127.0.0.1"));
        assertEquals(true, DevIdentityProvider.sameHost("console.example", "CONSOLE.example"));
        assertEquals(false, DevIdentityProvider.sameHost("attacker.example", "127.0.0.1"));
        assertEquals(false, DevIdentityProvider.sameHost("localhost.attacker.example", "localhost"));
    }

    @Test
    void portfolios_are_split_on_commas_and_spaces() {
        assertEquals(List.of("emea", "apac"), DevIdentityProvider.portfolioList(" emea, apac emea"));
        assertEquals(List.of(), DevIdentityProvider.portfolioList("  "));
    }
}

package io.sanctionsradar.screening.watchlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instance id keys this instance's watchlist rows: a pod name fits, anything else stops the start. */
class InstanceIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "radar-screening-service-0", "eu_west.1", "A"})
    void a_pod_name_or_a_short_name_is_an_instance_id(String id) {
        assertEquals(id, new InstanceId(id).value());
    }

    @Test
    void sixty_four_characters_fit_and_sixty_five_do_not() {
        assertEquals(64, new InstanceId("i".repeat(64)).value().length());
        assertThrows(IllegalArgumentException.class, () -> new InstanceId("i".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "screening 0", "screening/0", "screening'0", "instância"})
    void anything_else_is_refused_naming_the_setting(String id) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new InstanceId(id));

        assertTrue(refused.getMessage().contains("screening.instance-id"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SCREENING_INSTANCE_ID"), refused.getMessage());
    }
}

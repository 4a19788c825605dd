package io.sanctionsradar.matching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdentityKeyTest {

    @Test
    void the_same_name_written_by_different_lists_has_one_key() {
        assertEquals(MatchingEngine.identityKey("Wang Junzheng"), MatchingEngine.identityKey("WANG, Junzheng"));
        assertEquals(MatchingEngine.identityKey("Wang Junzheng"), MatchingEngine.identityKey("Junzheng WANG"));
        assertEquals(MatchingEngine.identityKey("Müller Hans"), MatchingEngine.identityKey("MULLER, Hans"));
    }

    @Test
    void titles_are_not_part_of_who_someone_is() {
        assertEquals(MatchingEngine.identityKey("Hans Muller"), MatchingEngine.identityKey("Dr. Hans Muller"));
    }

    @Test
    void different_names_have_different_keys() {
        assertNotEquals(MatchingEngine.identityKey("Wang Junzheng"), MatchingEngine.identityKey("Wang Jun"));
        assertEquals("", MatchingEngine.identityKey(null));
    }
}

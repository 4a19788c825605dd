package io.sanctionsradar.designation.imports;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Country names as the lists write them, which are not always the JDK's English names. */
class CountriesTest {

    @Test
    void names_the_jdk_writes_with_an_ampersand_or_a_bracket_are_found_as_lists_write_them() {
        assertEquals(Optional.of("MM"), Countries.code("Myanmar"), "the JDK says Myanmar (Burma)");
        assertEquals(Optional.of("TT"), Countries.code("Trinidad and Tobago"));
        assertEquals(Optional.of("BA"), Countries.code("Bosnia and Herzegovina"));
        assertEquals(Optional.of("LC"), Countries.code("Saint Lucia"), "the JDK says St. Lucia");
        assertEquals(Optional.of("TT"), Countries.code("Trinidad & Tobago"), "the JDK's own name still reads");
    }

    @Test
    void the_uk_lists_own_names_are_known() {
        assertEquals(Optional.of("CD"), Countries.code("Congo (Democratic Republic)"));
        assertEquals(Optional.of("KP"), Countries.code("DPRK"));
        assertEquals(Optional.of("PS"), Countries.code("Occupied Palestinian Territories"));
        assertEquals(Optional.of("GW"), Countries.code("Guinea Bissau"));
    }

    @Test
    void a_nationality_is_found_by_its_country_or_its_adjective_and_an_ambiguous_adjective_is_not() {
        assertEquals(Optional.of("IR"), Countries.ofNationality("Iranian"));
        assertEquals(Optional.of("KP"), Countries.ofNationality("North Korean"));
        assertEquals(Optional.of("RU"), Countries.ofNationality("Russian Federation"));
        assertEquals(Optional.empty(), Countries.ofNationality("Congolese"), "said of both Congos");
        assertEquals(Optional.empty(), Countries.code("Iranian"), "an address names a country, not an adjective");
    }
}

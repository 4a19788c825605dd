package io.sanctionsradar.screening.watchlist;

import io.sanctionsradar.screening.watchlist.SubjectGrouping.Bond;
import io.sanctionsradar.screening.watchlist.SubjectGrouping.Reason;
import io.sanctionsradar.screening.watchlist.SubjectGrouping.Subject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectGroupingTest {

    private static final String OFAC = "00000000-0000-0000-0000-00000000000a";
    private static final String EU = "00000000-0000-0000-0000-00000000000b";
    private static final String UK = "00000000-0000-0000-0000-00000000000c";
    private static final String CA = "00000000-0000-0000-0000-00000000000d";
    private static final String OTHER = "00000000-0000-0000-0000-00000000000e";

    private static Listing person(String id, String listedOn, String name, List<String> birthDates,
                                  List<String> nationalities) {
        return new Listing(id, "DESIGNATION", 1, "ACTIVE", "US-OFAC", List.of("P"), null,
                listedOn == null ? null : LocalDate.parse(listedOn), null, "L", id, null, List.of(),
                new Listing.Subject("PERSON", name, List.of(), birthDates, nationalities, List.of(), List.of(), List.of(), null, null));
    }

    private static Listing organization(String id, String listedOn, String name, String country) {
        return new Listing(id, "DESIGNATION", 1, "ACTIVE", "US-OFAC", List.of("P"), null, LocalDate.parse(listedOn),
                null, "L", id, null, List.of(), new Listing.Subject("ORGANIZATION", name, List.of(), List.of(),
                List.of(), List.of(), List.of(new Listing.Address(country)), List.of(), null, null));
    }

    private static List<Listing> wangEverywhere() {
        return List.of(
                person(OFAC, "2020-07-31", "WANG, Junzheng", List.of("1963-08-01"), List.of("CN")),
                person(EU, "2021-03-22", "Wang Junzheng", List.of("1963-08-01"), List.of("CN")),
                person(UK, "2021-03-22", "WANG Junzheng", List.of("1963-08-01", "1964-01-01"), List.of("CN")),
                person(CA, "2021-03-22", "Junzheng Wang", List.of("1963-08-01"), List.of("CN")));
    }

    @Test
    void one_person_listed_by_four_authorities_is_one_subject_named_after_the_first_listing() {
        SubjectGrouping grouping = new SubjectGrouping();
        wangEverywhere().forEach(grouping::put);

        Subject subject = grouping.subjectOfListing(CA).orElseThrow();
        assertEquals(List.of(OFAC, EU, UK, CA), subject.designationIds());
        assertEquals(SubjectGrouping.subjectId(OFAC), subject.subjectId());
        assertTrue(subject.bonds().stream().allMatch(b -> b.reason() == Reason.NAME_BIRTH_DATE_NATIONALITY));
        assertEquals(subject, grouping.subject(subject.subjectId()).orElseThrow());
    }

    @Test
    void the_same_name_without_an_agreeing_birth_date_and_nationality_is_not_the_same_person() {
        SubjectGrouping grouping = new SubjectGrouping();
        grouping.put(person(OFAC, "2020-07-31", "Wang Junzheng", List.of("1963-08-01"), List.of("CN")));
        grouping.put(person(EU, "2021-03-22", "Wang Junzheng", List.of("1970-01-01"), List.of("CN")));
        grouping.put(person(UK, "2021-03-22", "Wang Junzheng", List.of("1963-08-01"), List.of("TW")));
        grouping.put(person(CA, "2021-03-22", "Wang Junzheng", List.of(), List.of("CN")));

        assertEquals(4, List.of(OFAC, EU, UK, CA).stream()
                .map(id -> grouping.subjectOfListing(id).orElseThrow().subjectId()).distinct().count());
    }

    @Test
    void organizations_are_joined_by_name_and_country() {
        SubjectGrouping grouping = new SubjectGrouping();
        grouping.put(organization(OFAC, "2019-01-01", "Hikvision Digital Technology", "CN"));
        grouping.put(organization(EU, "2020-01-01", "HIKVISION DIGITAL TECHNOLOGY", "CN"));
        grouping.put(organization(UK, "2020-01-01", "Hikvision Digital Technology", "US"));

        Subject subject = grouping.subjectOfListing(EU).orElseThrow();
        assertEquals(List.of(OFAC, EU), subject.designationIds());
        assertEquals(new Bond(EU, OFAC, Reason.NAME_COUNTRY), subject.bonds().get(0));
        assertNotEquals(subject.subjectId(), grouping.subjectOfListing(UK).orElseThrow().subjectId());
    }

    private static Listing vessel(String id, String listedOn, String name, String imo) {
        return new Listing(id, "DESIGNATION", 1, "ACTIVE", "US-OFAC", List.of("P"), null, LocalDate.parse(listedOn),
                null, "L", id, null, List.of(), new Listing.Subject("VESSEL", name, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), new Listing.Vessel(imo, null), null));
    }

    @Test
    void listings_carrying_the_same_identifier_are_one_subject_whatever_their_names() {
        SubjectGrouping grouping = new SubjectGrouping();
        grouping.put(vessel(OFAC, "2019-01-01", "ADRIAN DARYA 1", "IMO 9116412"));
        grouping.put(vessel(UK, "2020-01-01", "GRACE 1", "9116412"));
        grouping.put(vessel(EU, "2020-01-01", "GRACE 1", "9074729"));

        Subject subject = grouping.subjectOfListing(UK).orElseThrow();
        assertEquals(List.of(OFAC, UK), subject.designationIds());
        assertEquals(new Bond(UK, OFAC, Reason.IDENTIFIER), subject.bonds().get(0));
        assertEquals(List.of(EU), grouping.subjectOfListing(EU).orElseThrow().designationIds());
    }

    @Test
    void an_analysts_link_joins_and_an_unlink_separates_even_what_the_rules_join() {
        SubjectGrouping grouping = new SubjectGrouping();
        wangEverywhere().forEach(grouping::put);
        grouping.put(person(OTHER, "2022-01-01", "Wang Jun Zheng", List.of(), List.of()));
        grouping.link(OTHER, CA);
        assertEquals(5, grouping.subjectOfListing(OTHER).orElseThrow().designationIds().size());
        assertEquals(new Bond(OTHER, CA, Reason.ANALYST_LINK),
                grouping.subjectOfListing(OTHER).orElseThrow().bonds().get(3));

        grouping.unlink(OFAC, EU);
        Subject first = grouping.subjectOfListing(OFAC).orElseThrow();
        Subject rest = grouping.subjectOfListing(EU).orElseThrow();
        // the unlinked pair is kept apart; the others stay with the first-listed, which keeps the id
        assertEquals(List.of(OFAC, UK, CA, OTHER), first.designationIds());
        assertEquals(SubjectGrouping.subjectId(OFAC), first.subjectId());
        assertEquals(List.of(EU), rest.designationIds());
        assertEquals(SubjectGrouping.subjectId(EU), rest.subjectId());
    }

    @Test
    void a_subjects_id_survives_a_new_listing_and_a_merge_keeps_the_earlier_ones() {
        SubjectGrouping grouping = new SubjectGrouping();
        grouping.put(person(OFAC, "2020-07-31", "Wang Junzheng", List.of("1963-08-01"), List.of("CN")));
        String id = grouping.subjectOfListing(OFAC).orElseThrow().subjectId();
        grouping.put(person(EU, "2021-03-22", "Wang Junzheng", List.of("1963-08-01"), List.of("CN")));
        assertEquals(id, grouping.subjectOfListing(EU).orElseThrow().subjectId());

        grouping.put(person(OTHER, "2022-01-01", "Someone Else", List.of(), List.of()));
        grouping.link(EU, OTHER);
        assertEquals(id, grouping.subjectOfListing(OTHER).orElseThrow().subjectId());
    }

    @Test
    void a_changed_listing_leaves_the_subject_it_no_longer_matches() {
        SubjectGrouping grouping = new SubjectGrouping();
        wangEverywhere().forEach(grouping::put);
        grouping.put(person(OFAC, "2020-07-31", "Wang Junzheng", List.of("1950-01-01"), List.of("CN")));
        assertEquals(List.of(OFAC), grouping.subjectOfListing(OFAC).orElseThrow().designationIds());
        assertEquals(SubjectGrouping.subjectId(EU), grouping.subjectOfListing(CA).orElseThrow().subjectId());
    }

    @Test
    void the_same_events_in_any_order_give_the_same_subjects() {
        List<Consumer<SubjectGrouping>> events = new ArrayList<>();
        wangEverywhere().forEach(l -> events.add(g -> g.put(l)));
        events.add(g -> g.put(person(OTHER, "2019-01-01", "Wang Jun Zheng", List.of(), List.of())));
        events.add(g -> g.link(OTHER, UK));
        events.add(g -> g.unlink(OTHER, EU));
        for (int i = 0; i < 20; i++) {
            events.add(g -> g.put(person("10000000-0000-0000-0000-0000000000" + (10 + events.size()), "2023-01-01",
                    "Unrelated Person " + events.size(), List.of("1980-01-01"), List.of("RU"))));
        }
        List<String> reference = ids(events);
        Random random = new Random(26);
        for (int run = 0; run < 50; run++) {
            List<Consumer<SubjectGrouping>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertEquals(reference, ids(shuffled));
        }
    }

    private static List<String> ids(List<Consumer<SubjectGrouping>> events) {
        SubjectGrouping grouping = new SubjectGrouping();
        events.forEach(e -> e.accept(grouping));
        return List.of(OFAC, EU, UK, CA, OTHER).stream()
                .map(id -> grouping.subjectOfListing(id).orElseThrow())
                .map(s -> s.subjectId() + s.designationIds()).toList();
    }
}

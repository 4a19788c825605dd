package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OpenSanctions' FollowTheMoney entities (CC BY-NC 4.0): the real delta of late May 2024 from yente's fixtures and
 * the entity file derived from its ADD/MOD lines (shared data folder), and hand-written lines for the rest.
 */
class OpenSanctionsFtmTest {

    private static final Path DIR = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"), "lists",
            "opensanctions-ftm-2024-05");
    private final OpenSanctionsFtm format = new OpenSanctionsFtm();

    @Test
    void every_person_organization_company_and_legal_entity_of_the_real_file_is_an_entry() throws IOException {
        ParsedList parsed = parse(real("entities.ftm.json"));

        assertEquals("OPENSANCTIONS", parsed.sourceList());
        assertFalse(parsed.delta());
        assertEquals(List.of(), parsed.rejections());
        // SOURCE.md: Person 451, Organization 97, LegalEntity 27, Company 1; Sanction, Address … are no entries
        assertEquals(Map.of(SubjectType.PERSON, 451L, SubjectType.ORGANIZATION, 125L), parsed.entries().stream()
                .collect(Collectors.groupingBy(e -> e.draft().subject().type(), Collectors.counting())));
        assertTrue(parsed.entries().stream().map(ListEntry::draft).allMatch(d -> d.authority().equals("OPENSANCTIONS")
                && d.programs().stream().allMatch(p -> p.startsWith("OS-"))));
        assertEquals(List.of(), DraftChecks.violations(parsed.entries().stream().map(e -> withListedOn(e.draft())).toList()),
                "the import validates every draft: none would be rejected");
    }

    @Test
    void the_delta_gives_the_same_designations_as_the_entities_and_names_its_571_deletions() throws IOException {
        ParsedList entities = parse(real("entities.ftm.json"));
        ParsedList delta = parse(real("entities.delta.json"));

        assertTrue(delta.delta());
        assertEquals(List.of(), delta.rejections());
        assertEquals(571, delta.removed().size(), "SOURCE.md: DEL 571");
        Map<String, DesignationDraft> fromDelta = byId(delta);
        assertEquals(byId(entities), fromDelta, "an entity is the same designation in either form");
        assertTrue(delta.removed().stream().noneMatch(fromDelta::containsKey));
    }

    @Test
    void abdul_quddus_mazhari_field_by_field() throws IOException {
        ListEntry entry = parse(real("entities.ftm.json")).entries().stream()
                .filter(e -> e.draft().sourceId().equals("NK-isN8jF8SKo86cNhRGX2AvU")).findFirst().orElseThrow();
        DesignationDraft d = entry.draft();
        Subject s = d.subject();

        assertEquals(281, entry.line());
        assertEquals(DesignationKind.DESIGNATION, entry.kind());
        assertEquals("OPENSANCTIONS", d.sourceList());
        assertEquals("https://www.opensanctions.org/entities/NK-isN8jF8SKo86cNhRGX2AvU/", d.sourceUrl());
        assertEquals(18, d.programs().size());
        assertEquals(List.of("OS-AR_REPET", "OS-AU_DFAT_SANCTIONS", "OS-BE_FOD_SANCTIONS"), d.programs().subList(0, 3));
        assertTrue(d.programs().containsAll(List.of("OS-EU_FSF", "OS-UN_SC_SANCTIONS", "OS-GB_HMT_SANCTIONS")));
        assertEquals(LocalDate.of(2001, 1, 25), d.listedOn(), "createdAt");
        assertNull(d.legalBasis());
        assertEquals(List.of(MeasureType.ASSET_FREEZE), d.measures().stream().map(m -> m.type()).toList());
        assertEquals(SubjectType.PERSON, s.type());
        assertEquals("Abdul Quddus Mazhari", s.name(), "the caption; the first name is in Arabic script");
        assertEquals(new Alias("عبد القدوس مظهري", AliasKind.AKA, "Arab"), s.aliases().get(0));
        assertTrue(s.aliases().contains(new Alias("AKHTAR MOHAMMAD MAZ-HARI", AliasKind.AKA, "Latn")));
        assertTrue(s.aliases().contains(new Alias("Akhtar Mohammad Maz-hari)", AliasKind.WEAK, "Latn")));
        assertTrue(s.aliases().stream().noneMatch(a -> a.name().equalsIgnoreCase(s.name())), s.aliases().toString());
        assertEquals(9, s.aliases().size(), "8 names and 5 aliases, 2 weak; 6 repeat others or the name");
        assertEquals(List.of("1970"), s.birthDates());
        assertEquals("Kunduz Province, Afghanistan", s.placesOfBirth().get(0));
        assertEquals(List.of("AF"), s.nationalities());
        assertEquals(List.of(), s.citizenships());
        assertEquals(List.of(new Address("Kushal Khan Mena, District Number 5, Kabul, Afghanistan", null, null, null, "AF"),
                new Address("Kushal Khan Mena, District Number 5, Kabul", null, null, null, null)), s.addresses());
        assertEquals(List.of(new Identifier("ID Number", "SE 012820", null, null),
                new Identifier("Passport", "SE 012820", null, null)), s.identifiers(),
                "five passport values, one number: the descriptions hold it too");
        assertNull(s.vessel());
        assertTrue(s.remarks().startsWith("OpenSanctions topics: sanction; crime.terror. "), s.remarks());
        assertTrue(s.remarks().contains("Title: Maulavi （マウラヴィ）; Maulavi. Countries: AF. Belongs to Popalzai"));
    }

    @Test
    void a_target_without_a_date_of_its_own_takes_the_listing_date_of_a_sanction_naming_it() throws IOException {
        DesignationDraft lockheed = byId(parse(real("entities.ftm.json"))).get("NK-mz7Dgcw5RGh4VRpKjKcnXB");

        assertEquals("Lockheed Martin Corporation", lockheed.subject().name());
        assertEquals(SubjectType.ORGANIZATION, lockheed.subject().type());
        assertEquals(LocalDate.of(2024, 5, 2), lockheed.listedOn(), "Iran's Sanction of that date");
        assertEquals(List.of("OS-CN_SANCTIONS", "OS-IR_SANCTIONS"), lockheed.programs());
        assertEquals(List.of(new Address(null, null, null, null, "US")), lockheed.subject().addresses());
        assertEquals("OpenSanctions topics: sanction.counter", lockheed.subject().remarks());
    }

    @Test
    void a_broken_line_refuses_the_file_naming_the_line(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(real("entities.ftm.json")).subList(0, 3));
        lines.add(lines.get(2).substring(0, 200)); // cut off mid-object, as a broken download is

        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(write(dir, lines)));
        assertEquals(4, e.line());
    }

    @Test
    void a_line_not_of_the_form_of_the_first_or_not_an_entity_is_refused_with_its_line(@TempDir Path dir) {
        String person = person("p1", "[\"sanction\"]", "\"name\": [\"A Person\"]");
        assertEquals(2, refusedAt(dir, person, "{\"op\": \"ADD\", \"entity\": " + person + "}"));
        assertEquals(2, refusedAt(dir, "{\"op\": \"DEL\", \"entity\": {\"id\": \"x\"}}", person));
        assertEquals(1, refusedAt(dir, "{\"op\": \"UPSERT\", \"entity\": " + person + "}"));
        assertEquals(2, refusedAt(dir, person, "{\"id\": \"p2\", \"properties\": {}}"), "no schema");
        assertEquals(1, refusedAt(dir, person.replace("[\"A Person\"]", "\"A Person\"")), "a property is a list");
        assertEquals(1, refusedAt(dir, person + " {}"), "one entity a line");
        assertThrows(MalformedListException.class, () -> parse(write(dir, List.of("", " "))), "no entity at all");
    }

    @Test
    void topics_or_a_sanction_make_a_target_and_other_entities_are_no_entries(@TempDir Path dir) throws IOException {
        ParsedList parsed = parse(write(dir, List.of(
                person("listed", "[\"sanction\", \"crime.terror\"]", "\"name\": [\"Listed Person\"]"),
                person("named", "[\"poi\"]", "\"name\": [\"Named By A Sanction\"]"),
                person("pep", "[\"role.pep\"]", "\"name\": [\"Only A Politician\"]"),
                "{\"id\": \"s1\", \"schema\": \"Sanction\", \"properties\": {\"entity\": [\"named\"], "
                        + "\"startDate\": [\"2020-02-03\"], \"listingDate\": [\"2019-12\"], \"program\": [\"X\"]}}",
                "{\"id\": \"a1\", \"schema\": \"Address\", \"properties\": {\"full\": [\"Kabul\"]}}",
                person("nameless", "[\"sanction\"]", "\"birthDate\": [\"1970\"]"))));

        assertEquals(List.of("listed", "named"), parsed.entries().stream().map(e -> e.draft().sourceId()).toList());
        assertEquals(LocalDate.of(2020, 2, 3), parsed.entries().get(1).draft().listedOn(), "a full date only");
        assertNull(parsed.entries().get(0).draft().listedOn(), "the import's date, then");
        assertEquals(List.of(new Rejection(6, null, "nameless", "a Person without a name")), parsed.rejections());
    }

    @Test
    void countries_dates_vessels_and_many_datasets_as_ftm_writes_them(@TempDir Path dir) throws IOException {
        String datasets = IntStream.rangeClosed(1, 22).mapToObj(i -> "\"list_" + (char) ('a' + i - 1) + "\"")
                .collect(Collectors.joining(", "));
        ParsedList parsed = parse(write(dir, List.of(
                "{\"id\": \"p\", \"schema\": \"Person\", \"datasets\": [" + datasets + "], \"properties\": "
                        + "{\"topics\": [\"sanction\"], \"name\": [\"A Person\"], \"nationality\": [\"gb-nir\", \"suhh\", "
                        + "\"xk\"], \"citizenship\": [\"ru\"], \"birthDate\": [\"1504\", \"1960-05\", "
                        + "\"1961-02-03T00:00:00\"], \"createdAt\": [\"2021\", \"2019-04-05\"]}}",
                "{\"id\": \"v\", \"schema\": \"Vessel\", \"datasets\": [\"us_ofac_sdn\"], \"properties\": "
                        + "{\"topics\": [\"sanction\"], \"name\": [\"OCEAN GLORY\"], \"imoNumber\": [\"IMO 9074729\"], "
                        + "\"flag\": [\"pa\"], \"mmsi\": [\"123456789\"], \"grossRegisteredTonnage\": [\"1,116\"]}}")));

        Subject person = parsed.entries().get(0).draft().subject();
        assertEquals(List.of("GB", "XK"), person.nationalities());
        assertEquals(List.of("RU"), person.citizenships());
        assertEquals(List.of("1960-05", "1961-02-03"), person.birthDates());
        assertTrue(person.remarks().contains("Birth date as listed: 1504"), person.remarks());
        assertEquals(LocalDate.of(2019, 4, 5), parsed.entries().get(0).draft().listedOn());
        assertEquals(20, parsed.entries().get(0).draft().programs().size());
        assertTrue(person.remarks().contains("Also in the OpenSanctions datasets: list_u; list_v"), person.remarks());
        Subject vessel = parsed.entries().get(1).draft().subject();
        assertEquals(SubjectType.VESSEL, vessel.type());
        assertEquals("9074729", vessel.vessel().imo());
        assertEquals("123456789", vessel.vessel().mmsi());
        assertEquals("PA", vessel.vessel().flag());
        assertEquals(1116L, vessel.vessel().grossTonnage());
        assertEquals(List.of(new Identifier("IMO", "IMO 9074729", null, null)), vessel.identifiers());
    }

    @Test
    void a_description_keeps_its_numbers_each_of_the_kind_it_names(@TempDir Path dir) throws IOException {
        ParsedList parsed = parse(write(dir, List.of(person("p", "[\"sanction\"]", "\"name\": [\"A Person\"], "
                + "\"passportNumber\": [\"National Identification Number, 2132370, Passport, D 000933\", "
                + "\"フィリピン旅券 P421967 （1995-1997年）\"]"))));

        assertEquals(List.of(
                new Identifier("ID Number", "2132370", null, "National Identification Number, 2132370, Passport, D 000933"),
                new Identifier("Passport", "D 000933", null, "National Identification Number, 2132370, Passport, D 000933"),
                new Identifier("Passport", "P421967", null, "フィリピン旅券 P421967 （1995-1997年）")),
                parsed.entries().get(0).draft().subject().identifiers());
    }

    @Test
    void a_delta_deletes_only_what_it_does_not_also_add(@TempDir Path dir) throws IOException {
        ParsedList parsed = parse(write(dir, List.of(
                "{\"op\": \"MOD\", \"entity\": " + person("kept", "[\"sanction\"]", "\"name\": [\"Kept\"]") + "}",
                "{\"op\": \"DEL\", \"entity\": {\"id\": \"gone\"}}",
                "{\"op\": \"DEL\", \"entity\": {\"id\": \"kept\"}}")));

        assertEquals(java.util.Set.of("gone"), parsed.removed());
        assertEquals(List.of(new Rejection(3, null, "kept", "deleted, and added or modified at line 1: not deleted")),
                parsed.rejections());
        assertEquals(1, parsed.entries().size());
    }

    private static String person(String id, String topics, String properties) {
        return "{\"id\": \"" + id + "\", \"schema\": \"Person\", \"datasets\": [\"eu_fsf\"], \"properties\": "
                + "{\"topics\": " + topics + ", " + properties + "}}";
    }

    private int refusedAt(Path dir, String... lines) {
        return assertThrows(MalformedListException.class, () -> parse(write(dir, List.of(lines)))).line();
    }

    private static DesignationDraft withListedOn(DesignationDraft d) {
        return d.listedOn() != null ? d : new DesignationDraft(d.authority(), d.programs(), d.legalBasis(),
                LocalDate.of(2024, 6, 1), d.sourceList(), d.sourceId(), d.sourceReference(), d.sourceUrl(),
                d.measures(), d.subject(), d.respondsTo());
    }

    private static Map<String, DesignationDraft> byId(ParsedList parsed) {
        return parsed.entries().stream().map(ListEntry::draft)
                .collect(Collectors.toMap(DesignationDraft::sourceId, Function.identity()));
    }

    private static Path write(Path dir, List<String> lines) throws IOException {
        return Files.write(dir.resolve("entities.ftm.json"), lines);
    }

    private ParsedList parse(Path file) throws IOException {
        return format.parse(Map.of(file.getFileName().toString(), file));
    }

    private static Path real(String name) {
        Path file = DIR.resolve(name);
        assumeTrue(Files.exists(file), "needs the shared data folder beside the repository: " + file.toAbsolutePath());
        return file;
    }
}

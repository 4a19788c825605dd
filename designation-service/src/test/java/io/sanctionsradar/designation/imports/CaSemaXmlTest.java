package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Canada's consolidated autonomous sanctions list: the real files of September 2025 (current tags) and May 2022
 * (older tags) from the shared data folder, a real subset in the test resources, and hand-written bad records.
 */
class CaSemaXmlTest {

    private static final Path LISTS = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"), "lists");
    private static final Path FIXTURE = Path.of("src/test/resources/lists/ca-sema/sema-lmes.xml");
    /** Canada's listings of 21 March 2021 under its China regulations: Part 1 items 1 to 4 and Part 2 item 1. */
    private static final Map<String, String> XINJIANG = Map.of("CN/1/1", "Zhu, Hailun", "CN/1/2", "Wang, Junzheng",
            "CN/1/3", "Wang, Mingshan", "CN/1/4", "Chen, Mingguo",
            "CN/2/1", "Xinjiang Production and Construction Corps Public Security Bureau");
    private final CaSemaXml format = new CaSemaXml();

    @Test
    void every_record_of_the_september_2025_file_is_an_entry_with_an_id_of_its_own() throws IOException {
        ParsedList parsed = parse(real("ca-sema-2025-09"));

        assertEquals("CA-SEMA", parsed.sourceList());
        assertEquals(5090, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
        assertEquals(5090, byId(parsed).size());
    }

    @Test
    void the_may_2022_file_in_the_older_tags_rejects_only_the_two_banks_it_gives_no_item() throws IOException {
        ParsedList parsed = parse(real("ca-sema-2022-05"));

        assertEquals(2604, parsed.entries().size());
        assertEquals(2604, byId(parsed).size());
        // the file lists the two Belarusian banks without Schedule or Item; since 2023 they are Part 2 items 62, 64
        assertEquals(List.of("Belarusbank", "Belagroprombank"), parsed.rejections().stream()
                .map(r -> r.reason().substring(0, r.reason().indexOf(':'))).toList());
        parsed.rejections().forEach(r -> assertTrue(r.reason().contains("no Item number"), r.reason()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-sema-2025-09", "ca-sema-2022-05"})
    void canadas_xinjiang_listings_of_21_march_2021_are_in_both_snapshots(String folder) throws IOException {
        Map<String, DesignationDraft> entries = byId(parse(real(folder)));

        XINJIANG.forEach((id, name) -> {
            DesignationDraft listing = entries.get(id);
            boolean person = id.startsWith("CN/1/");
            assertEquals(name, listing.subject().name(), id);
            assertEquals("CA-GAC", listing.authority());
            assertEquals(List.of("CA-SEMA-CN"), listing.programs());
            assertEquals("Special Economic Measures Act", listing.legalBasis());
            assertEquals(person ? SubjectType.PERSON : SubjectType.ORGANIZATION, listing.subject().type());
            assertEquals(person ? List.of(MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN,
                            MeasureType.ENTRY_BAN) : List.of(MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN),
                    types(listing));
            // the older tags carry no DateOfListing: an import dates such an entry by the day it first imports it
            assertEquals(folder.endsWith("2025-09") ? LocalDate.of(2021, 3, 21) : null, listing.listedOn());
        });
        // the place as the file writes it: "Part 2, item 1" (2025), "Schedule 1, Part 2, item 1" (2022)
        assertTrue(entries.get("CN/2/1").sourceReference().endsWith("Part 2, item 1"));
    }

    @Test
    void a_place_in_the_regulations_names_the_same_party_in_both_snapshots() throws IOException {
        Map<String, DesignationDraft> before = byId(parse(real("ca-sema-2022-05")));
        Map<String, DesignationDraft> after = byId(parse(real("ca-sema-2025-09")));
        Set<String> shared = new HashSet<>(before.keySet());
        shared.retainAll(after.keySet());
        List<String> otherName = shared.stream().filter(id -> !key(before.get(id)).equals(key(after.get(id))))
                .sorted().toList();

        assertEquals(2497, shared.size());
        // two corrected spellings (MOZHILOVKSY → MOZHILOVSKY, PILPENKO → PILIPENKO) and South Sudan's two items,
        // which GAC swapped between the two files: the one renumbering these snapshots show
        assertEquals(List.of("BY/1.1/28", "RU/1/364", "SS/1/1", "SS/1/2"), otherName);
        assertEquals(key(before.get("SS/1/1")), key(after.get("SS/1/2")));
        assertEquals(key(before.get("SS/1/2")), key(after.get("SS/1/1")));
        // delisted, then listed again in 2023 under a new item: the old place stays empty
        assertEquals("MAKAROV, Igor Viktorovich", before.get("RU/1/734").subject().name());
        assertEquals(null, after.get("RU/1/734"));
        assertEquals("MAKAROV, Igor Viktorovich", after.get("RU/1/1315").subject().name());
    }

    @Test
    void the_older_and_the_current_wording_of_a_place_give_the_same_id() throws IOException {
        Map<String, DesignationDraft> before = byId(parse(real("ca-sema-2022-05")));
        Map<String, DesignationDraft> after = byId(parse(real("ca-sema-2025-09")));

        // Schedule "2" (2022) and "1, Part 2" (2025): Iran's Part 2; "1" and no schedule: the JVCFOR schedule
        for (String id : List.of("IR/2/1", "BY/1.1/1", "SY/2/1", "MM/1/1", "UA/2/1", "JVCFOA/1/1", "VE/1/55", "RU/S2/4")) {
            assertEquals(key(before.get(id)), key(after.get(id)), id);
        }
        assertEquals("Schedule 1, Part 1, item 1", after.get("IR/1/1").sourceReference());
        assertEquals(List.of("CA-SEMA-MM"), before.get("MM/1/1").programs(), "Burma");
        assertEquals(List.of("CA-SEMA-MM"), after.get("MM/1/1").programs(), "Myanmar (Burma)");
    }

    @Test
    void a_bilingual_name_is_split_into_the_name_and_an_alias() throws IOException {
        DesignationDraft directorate = byId(parse(real("ca-sema-2022-05"))).get("SY/1/1");

        assertEquals("General Intelligence Directorate", directorate.subject().name());
        assertEquals(List.of("Service du renseignement général"), names(directorate.subject().aliases()));
        assertEquals("M/V Maria", byId(parse(real("ca-sema-2025-09"))).get("RU/S1.1/2").subject().name());
    }

    @Test
    void a_listed_ship_is_a_vessel_with_its_imo_number_and_a_ban_on_docking() throws IOException {
        DesignationDraft ship = byId(parse(FIXTURE)).get("RU/S1.1/1");

        assertEquals("Balitiyskiy III", ship.subject().name());
        assertEquals(SubjectType.VESSEL, ship.subject().type());
        assertEquals("7612448", ship.subject().vessel().imo());
        assertEquals("General Cargo / Multi Purpose", ship.subject().vessel().vesselType());
        assertEquals(List.of(), ship.subject().birthDates(), "a build year is no birth date");
        assertEquals("Built: 1980", ship.subject().remarks());
        assertEquals(List.of(MeasureType.ENTRY_BAN), types(ship));
        assertEquals("Schedule 1.1, item 1", ship.sourceReference());
        assertEquals(LocalDate.of(2025, 2, 21), ship.listedOn());
        assertEquals(310, byId(parse(real("ca-sema-2025-09"))).values().stream()
                .filter(d -> d.subject().type() == SubjectType.VESSEL && d.subject().vessel().imo() != null).count());
    }

    @Test
    void russias_schedule_2_restricts_new_debt_and_the_jvcfor_regulations_are_another_programme() throws IOException {
        Map<String, DesignationDraft> entries = byId(parse(FIXTURE));

        DesignationDraft bank = entries.get("RU/S2/4");
        assertEquals("Bank of Moscow", bank.subject().name());
        assertEquals(List.of(MeasureType.SECTORAL_RESTRICTIONS), types(bank));
        assertEquals(List.of("CA-SEMA-RU"), bank.programs());
        DesignationDraft maduro = entries.get("JVCFOA/1/1");
        assertEquals("MADURO MOROS, Nicolás", maduro.subject().name());
        assertEquals(List.of("CA-JVCFOA"), maduro.programs());
        assertTrue(maduro.legalBasis().startsWith("Justice for Victims of Corrupt Foreign Officials Act"));
        Measure entryBan = maduro.measures().get(2);
        assertEquals(MeasureType.ENTRY_BAN, entryBan.type());
        assertTrue(entryBan.notes().contains("Justice for Victims"), entryBan.notes());
        assertEquals("Item 1", maduro.sourceReference());
    }

    @Test
    void aliases_lose_their_language_labels_and_carry_their_script() throws IOException {
        DesignationDraft official = byId(parse(FIXTURE)).get("BY/1/99");

        assertEquals("MASHADZIYEU, Ruslan Khikmetavich", official.subject().name());
        List<Alias> aliases = official.subject().aliases();
        assertEquals(List.of("Ruslan Khikmetavich MASHADZEOU", "Ruslan Chikmetovič MAŠADZEV",
                "Mashadiyev Ruslan Khikmetovich", "Ruslan Khikmetovich MASHADIYEV", "Руслан Хiкметовiч МАШАДЗЕЎ",
                "Руслан Хикметович МАШАДИЕВ"), names(aliases));
        assertEquals("Cyrl", aliases.get(5).script());
        assertEquals("Latn", aliases.get(1).script());
    }

    @Test
    void birth_dates_are_read_in_part_and_in_pairs_and_anything_else_stays_in_the_remarks(@TempDir Path dir)
            throws IOException {
        Path file = write(dir, record("<LastName>A</LastName><GivenName>One</GivenName>"
                + "<DateOfBirthOrShipBuildDate>1963 or 1964</DateOfBirthOrShipBuildDate>", "1, Part 1", "1")
                + record("<LastName>B</LastName><DateOfBirthOrShipBuildDate>1965-07-15 OR 1969-09-28"
                + "</DateOfBirthOrShipBuildDate>", "1, Part 1", "2")
                + record("<LastName>C</LastName><DateOfBirthOrShipBuildDate>born in the early 1970s"
                + "</DateOfBirthOrShipBuildDate>", "1, Part 1", "3")
                + record("<LastName>D</LastName><DateOfBirthOrShipBuildDate>1963-1964</DateOfBirthOrShipBuildDate>",
                "1, Part 1", "4"));
        Map<String, DesignationDraft> entries = byId(parse(file));

        assertEquals(List.of("1963", "1964"), entries.get("RU/1/1").subject().birthDates());
        assertNull(entries.get("RU/1/1").subject().remarks());
        assertEquals(List.of("1965-07-15", "1969-09-28"), entries.get("RU/1/2").subject().birthDates());
        assertEquals(List.of(), entries.get("RU/1/3").subject().birthDates());
        assertEquals("Date of birth as listed: born in the early 1970s", entries.get("RU/1/3").subject().remarks());
        assertEquals(List.of("1963", "1964"), entries.get("RU/1/4").subject().birthDates());
    }

    @Test
    void a_record_without_item_regime_or_readable_place_is_rejected_and_the_others_import(@TempDir Path dir)
            throws IOException {
        Path file = write(dir, record("<EntityOrShip>Good Company</EntityOrShip>", "1, Part 2", "7")
                + record("<EntityOrShip>No Item Ltd</EntityOrShip>", "1, Part 2", null)
                + record("<EntityOrShip>Odd Place Ltd</EntityOrShip>", "Annex B", "8")
                + record("<Entity>Both Tags Ltd</Entity><DateOfListing>2024-01-02</DateOfListing>", "1, Part 2", "9")
                + "<record><EntityOrShip>Nowhere Ltd</EntityOrShip><Item>10</Item></record>\n");
        ParsedList parsed = parse(file);

        assertEquals(List.of("RU/2/7"), parsed.entries().stream().map(e -> e.draft().sourceId()).toList());
        assertEquals(4, parsed.rejections().size());
        assertTrue(parsed.rejections().get(0).reason().startsWith("No Item Ltd: no Item number"));
        assertTrue(parsed.rejections().get(1).reason().contains("Schedule 'Annex B' is not a schedule"));
        assertTrue(parsed.rejections().get(2).reason().contains("mixes the older tags"));
        assertTrue(parsed.rejections().get(3).reason().contains("no Country"));
        assertEquals(5, parsed.rejections().get(1).line(), "the line of the record");
    }

    @Test
    void another_xml_list_or_broken_xml_is_refused_whole(@TempDir Path dir) throws IOException {
        Path un = dir.resolve("sema-lmes.xml");
        Files.writeString(un, "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>\n");
        assertThrows(MalformedListException.class, () -> parse(un));

        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<data-set>\n<record><Country>Iran</Country>\n<Item>1</record>\n</data-set>\n");
        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(broken));
        assertEquals(3, e.line());
    }

    private ParsedList parse(Path file) throws IOException {
        return format.parse(Map.of(file.getFileName().toString(), file));
    }

    private static Path real(String folder) {
        Path file = LISTS.resolve(folder).resolve("sema-lmes.xml");
        assumeTrue(Files.exists(file), "needs the shared data folder beside the repository: " + file.toAbsolutePath());
        return file;
    }

    private static Map<String, DesignationDraft> byId(ParsedList parsed) {
        return parsed.entries().stream().map(ListEntry::draft)
                .collect(Collectors.toMap(DesignationDraft::sourceId, Function.identity()));
    }

    /** A name's words in any order and case: "Shwe, Than" (2022) is "Than Shwe" (2025), a Burmese name. */
    private static String key(DesignationDraft draft) {
        return Arrays.stream(draft.subject().name().toLowerCase(Locale.ROOT).split("[\\s,]+")).sorted()
                .collect(Collectors.joining(" "));
    }

    private static List<MeasureType> types(DesignationDraft draft) {
        return draft.measures().stream().map(Measure::type).toList();
    }

    private static List<String> names(List<Alias> aliases) {
        return aliases.stream().map(Alias::name).toList();
    }

    /** A Russia record in the current tags, with the place and item given (an item of null is left out). */
    private static String record(String elements, String schedule, String item) {
        return "<record><Country>Russia / Russie</Country>" + elements + "<Schedule>" + schedule + "</Schedule>"
                + (item == null ? "" : "<Item>" + item + "</Item>") + "</record>\n";
    }

    private static Path write(Path dir, String records) throws IOException {
        Path file = dir.resolve("sema-lmes.xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data-set>\n" + records + "</data-set>\n");
        return file;
    }
}

package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.RespondsTo;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * China's countermeasure lists as OpenSanctions curates them (CC BY-NC 4.0): the real file of 7 August 2026 from the
 * shared data folder, and hand-written rows for what the real file does not show.
 */
class CnCountermeasuresCsvTest {

    private static final Path FILE = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"), "lists",
            "cn-countermeasures-opensanctions", "cn_sanctions_opensanctions_2026-08-07.csv");
    private static final String HEADER = "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,"
            + "Body,List,Date,End date,Source URL,Address";
    /** The day OpenSanctions' repository was copied: the End dates of 13.07.23 and 24.04.2026 have passed. */
    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 8, 22);
    private final CnCountermeasuresCsv format = new CnCountermeasuresCsv(SNAPSHOT);

    @Test
    void every_row_of_the_real_file_is_an_entry_or_a_rejection_with_its_reason() throws IOException {
        ParsedList parsed = parse(real());

        assertEquals("CN-COUNTERMEASURES", parsed.sourceList());
        assertEquals(610, parsed.entries().size() + parsed.rejections().size());
        Map<String, Long> reasons = parsed.rejections().stream().collect(Collectors.groupingBy(
                r -> r.reason().contains("repeats the listing") ? "repeat" : r.reason().contains("ended on") ? "ended"
                        : r.reason().contains("no Body") ? "no body" : r.reason().contains("countermeasure answers")
                        ? "no answer" : r.reason(), Collectors.counting()));
        // MFA's consolidated list restates 46 listings of 2024; 31 targets have no Country, one is in Iceland
        assertEquals(Map.of("repeat", 46L, "no answer", 32L, "ended", 3L, "no body", 1L), reasons);
        assertEquals(Map.of(
                        "CN-MFA COUNTERMEASURE", 244L, "CN-MOFCOM COUNTERMEASURE", 240L,
                        "CN-MOFCOM DESIGNATION", 8L, "CN-TAO DESIGNATION", 36L),
                parsed.entries().stream().collect(Collectors.groupingBy(
                        e -> e.draft().authority() + " " + e.kind(), Collectors.counting())));
        assertEquals(parsed.entries().size(), byId(parsed).size(), "one id per listing");
    }

    @Test
    void adrian_zenz_is_a_countermeasure_of_the_mfa_answering_the_eu_listings_of_22_march_2021() throws IOException {
        ListEntry zenz = entry(parse(real()), "MFA/CM/2021-03-22/adrian-zenz");
        DesignationDraft draft = zenz.draft();

        assertEquals(33, zenz.line());
        assertEquals(DesignationKind.COUNTERMEASURE, zenz.kind());
        assertEquals("CN-MFA", draft.authority());
        assertEquals(List.of("CN-COUNTERMEASURES"), draft.programs());
        assertEquals(LocalDate.of(2021, 3, 22), draft.listedOn());
        assertTrue(draft.legalBasis().startsWith("Announcement of the Ministry of Foreign Affairs"),
                draft.legalBasis());
        assertEquals(SubjectType.PERSON, draft.subject().type());
        assertEquals("Adrian Zenz", draft.subject().name());
        assertEquals(List.of("DE"), draft.subject().nationalities());
        assertEquals(List.of(new Alias("郑国恩", AliasKind.AKA, "Hani")), draft.subject().aliases());
        assertEquals(List.of(new Identifier("Wikidata QID", "Q82831631", null, null)), draft.subject().identifiers());
        assertEquals("https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2535_665405/t1863106.shtml",
                draft.sourceUrl());
        // before the Anti-Foreign Sanctions Law: entry ban and business ban, no freeze of property
        assertEquals(List.of(MeasureType.ENTRY_BAN, MeasureType.FINANCIAL_DEALINGS_BAN), types(draft));
        RespondsTo answer = draft.respondsTo().get(0);
        assertEquals(List.of("EU-COUNCIL", LocalDate.of(2021, 3, 22)),
                List.of(answer.authority(), answer.actionDate()));
        assertEquals(draft.respondsTo(), zenz.actionsToLink(), "a known action, to be linked");
    }

    @Test
    void the_march_2021_countermeasures_answer_the_eu_uk_us_and_canadian_listings_of_22_march() throws IOException {
        Map<String, ListEntry> entries = byId(parse(real()));

        assertAnswers(entries.get("MFA/CM/2021-03-22/mercator-institute-for-china-studies-merics"), "EU-COUNCIL",
                SubjectType.ORGANIZATION);
        assertAnswers(entries.get("MFA/CM/2021-03-22/subcommittee-on-human-rights-of-the-european-parliament"),
                "EU-COUNCIL", SubjectType.ORGANIZATION);
        assertAnswers(entries.get("MFA/CM/2021-03-26/essex-court-chambers"), "UK-FCDO", SubjectType.ORGANIZATION);
        assertAnswers(entries.get("MFA/CM/2021-03-26/tom-tugendhat"), "UK-FCDO", SubjectType.PERSON);
        assertAnswers(entries.get("MFA/CM/2021-03-27/michael-chong"), "CA-GAC", SubjectType.PERSON);
        assertAnswers(entries.get("MFA/CM/2021-03-27/gayle-manchin"), "US-OFAC", SubjectType.PERSON);
        List<ListEntry> march = entries.values().stream()
                .filter(e -> e.draft().listedOn().isAfter(LocalDate.of(2021, 3, 21))
                        && e.draft().listedOn().isBefore(LocalDate.of(2021, 3, 28))).toList();
        assertEquals(31, march.size(), "14 EU, 13 UK, 2 US and 2 Canadian targets");
        march.forEach(e -> assertEquals(1, e.actionsToLink().size(), e.draft().sourceId()));
        assertEquals(Set.of(LocalDate.of(2021, 3, 22)), march.stream()
                .map(e -> e.actionsToLink().get(0).actionDate()).collect(Collectors.toSet()));
        assertEquals(List.of(MeasureType.FINANCIAL_DEALINGS_BAN),
                types(entries.get("MFA/CM/2021-03-26/uyghur-tribunal").draft()), "organisations are not barred entry");
    }

    @Test
    void a_countermeasure_of_no_known_action_answers_its_targets_state_and_is_not_linked() throws IOException {
        List<ListEntry> unknown = parse(real()).entries().stream()
                .filter(e -> e.kind() == DesignationKind.COUNTERMEASURE && e.actionsToLink().isEmpty()).toList();

        assertEquals(484 - 31, unknown.size());
        unknown.forEach(e -> {
            RespondsTo answer = e.draft().respondsTo().get(0);
            assertEquals(e.draft().listedOn(), answer.actionDate(), "China's own date");
            assertTrue(answer.description().startsWith("Not named by the list"), answer.description());
        });
        assertEquals(Set.of("US-STATE", "UK-FCDO", "CA-GAC", "JP-MOFA", "EU-COUNCIL"), unknown.stream()
                .map(e -> e.draft().respondsTo().get(0).authority()).collect(Collectors.toSet()));
    }

    @Test
    void each_list_imposes_its_measures() throws IOException {
        List<ListEntry> entries = parse(real()).entries();
        Map<String, Set<List<MeasureType>>> measures = entries.stream().collect(Collectors.groupingBy(
                e -> e.draft().programs().get(0) + " " + e.draft().subject().type(),
                Collectors.mapping(e -> types(e.draft()), Collectors.toSet())));

        assertEquals(Set.of(List.of(MeasureType.EXPORT_PRIVILEGES_DENIED, MeasureType.INVESTMENT_BAN)),
                measures.get("CN-UNRELIABLE-ENTITY-LIST ORGANIZATION"));
        assertEquals(Set.of(List.of(MeasureType.ENTRY_BAN)), measures.get("CN-UNRELIABLE-ENTITY-LIST PERSON"));
        assertEquals(Set.of(List.of(MeasureType.EXPORT_LICENSE_REQUIRED)),
                measures.get("CN-EXPORT-CONTROL ORGANIZATION"));
        assertEquals(Set.of(List.of(MeasureType.FINANCIAL_DEALINGS_BAN)),
                measures.get("CN-MOFCOM-COUNTERMEASURES ORGANIZATION"));
        assertEquals(Set.of(List.of(MeasureType.ENTRY_BAN, MeasureType.FINANCIAL_DEALINGS_BAN),
                        List.of(MeasureType.ENTRY_BAN, MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN)),
                measures.get("CN-COUNTERMEASURES PERSON"), "before and under the Anti-Foreign Sanctions Law");
        Measure exportBan = entries.stream().filter(e -> e.draft().programs().equals(List.of("CN-EXPORT-CONTROL")))
                .findFirst().orElseThrow().draft().measures().get(0);
        assertEquals("All dual-use items", exportBan.licenseRequirement());
        assertTrue(exportBan.reviewPolicy().startsWith("Prohibited"), exportBan.reviewPolicy());
        Measure watch = entries.stream().filter(e -> e.draft().programs().equals(List.of("CN-EXPORT-CONTROL-WATCH")))
                .findFirst().orElseThrow().draft().measures().get(0);
        assertTrue(watch.reviewPolicy().contains("risk assessment"), watch.reviewPolicy());
    }

    @Test
    void the_taiwan_affairs_office_lists_are_designations_under_cn_tao_answering_nothing() throws IOException {
        List<ListEntry> tao = parse(real()).entries().stream()
                .filter(e -> e.draft().authority().equals("CN-TAO")).toList();

        assertEquals(36, tao.size(), "37 rows of both names of the office, one of them ended");
        tao.forEach(e -> {
            assertEquals(DesignationKind.DESIGNATION, e.kind());
            assertEquals(List.of("CN-TAIWAN-INDEPENDENCE"), e.draft().programs());
            assertEquals(List.of(), e.draft().respondsTo());
        });
        assertTrue(tao.stream().anyMatch(e -> e.draft().sourceId().equals("TAO/TI/2023-04-07/bi-khim-hsiao")),
                "the row signed by the Taiwan Work Office of the CPC Central Committee");
    }

    @Test
    void a_repeated_listing_is_rejected_naming_the_line_it_repeats_and_the_first_with_a_country_stays()
            throws IOException {
        ParsedList parsed = parse(real());
        Rejection skydio = parsed.rejections().stream()
                .filter(r -> "MFA/CM/2024-10-10/skydio-inc".equals(r.sourceId())).findFirst().orElseThrow();

        assertEquals(265, skydio.line());
        assertTrue(skydio.reason().contains("repeats the listing of line 171"), skydio.reason());
        DesignationDraft kept = byId(parsed).get("MFA/CM/2024-10-10/skydio-inc").draft();
        assertEquals("US-STATE", kept.respondsTo().get(0).authority());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN), types(kept));
    }

    @Test
    void a_listing_that_has_ended_is_not_imported_and_keeps_no_id_so_an_earlier_entry_is_delisted() throws IOException {
        List<Rejection> ended = parse(real()).rejections().stream().filter(r -> r.reason().contains("ended on"))
                .toList();

        assertEquals(List.of(83, 584, 585), ended.stream().map(Rejection::line).toList());
        ended.forEach(r -> assertNull(r.sourceId()));
        assertTrue(ended.get(1).reason().startsWith("MOFCOM/CM/2025-08-13/uab-urbo-bankas: ended on 2026-04-24"),
                ended.get(1).reason());
        assertEquals(1, parse(real(), LocalDate.of(2023, 7, 13)).rejections().stream()
                .filter(r -> r.reason().contains("ended on")).count(), "an End date counts from that day");
        assertEquals(0, parse(real(), LocalDate.of(2023, 7, 12)).rejections().stream()
                .filter(r -> r.reason().contains("ended on")).count());
    }

    @Test
    void ids_do_not_depend_on_where_a_row_stands(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(real(), StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(rows);
        Path reversed = dir.resolve("reversed.csv");
        Files.write(reversed, concat(lines.get(0), rows), StandardCharsets.UTF_8);

        assertEquals(byId(parse(real())).keySet(), byId(parse(reversed)).keySet());
    }

    @Test
    void both_date_forms_read_as_the_same_day_and_anything_else_as_none() {
        assertEquals(LocalDate.of(2021, 3, 22), CnCountermeasuresCsv.date("22.03.21"));
        assertEquals(LocalDate.of(2021, 3, 22), CnCountermeasuresCsv.date("22.03.2021"));
        assertEquals(LocalDate.of(2019, 12, 2), CnCountermeasuresCsv.date("2.12.2019"));
        assertNull(CnCountermeasuresCsv.date("31.02.21"));
        assertNull(CnCountermeasuresCsv.date("2021-03-22"));
        assertNull(CnCountermeasuresCsv.date(null));
    }

    @Test
    void a_name_becomes_the_same_id_however_it_is_accented_spaced_or_long() {
        assertEquals("reinhard-butikofer", CnCountermeasuresCsv.normalized("Reinhard  Bütikofer"));
        assertEquals(CnCountermeasuresCsv.normalized("Raphaël Glucksmann"),
                CnCountermeasuresCsv.normalized("Raphael GLUCKSMANN "));
        String longName = "The Subcommittee on International Human Rights of the Standing Committee on Foreign "
                + "Affairs and International Development of the House of Commons of Canada";
        String id = CnCountermeasuresCsv.sourceId(CnProgramme.MFA_COUNTERMEASURES, LocalDate.of(2021, 3, 27), longName);
        assertEquals(128, id.length());
        assertFalse(id.equals(CnCountermeasuresCsv.sourceId(CnProgramme.MFA_COUNTERMEASURES,
                LocalDate.of(2021, 3, 27), longName + " Two")), "names that differ only after the cut differ");
    }

    @Test
    void a_file_without_the_columns_of_this_format_is_refused_whole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cn.csv");
        Files.writeString(file, HEADER.replace("Body,", "Authority,") + "\n");

        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("[Body]"), e.getMessage());
    }

    @Test
    void a_row_of_the_wrong_width_is_refused_whole_with_its_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cn.csv");
        Files.writeString(file, HEADER + "\n" + row("Person", "Adrian Zenz", "DE", "Ministry of Foreign Affairs", "",
                "22.03.21") + "\nPerson,,Too Short,\n");

        assertEquals(3, assertThrows(MalformedListException.class, () -> parse(file)).line());
    }

    @Test
    void rows_without_a_known_body_date_type_or_state_are_rejected_and_the_others_kept(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cn.csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\n" + String.join("\n",
                row("Person", "Kept Person", "US", "Ministry of Foreign Affairs", "AFSL", "23.07.21"),
                row("Person", "Unknown Body", "US", "Ministry of Magic", "", "23.07.21"),
                row("Person", "Bad Date", "US", "Ministry of Foreign Affairs", "AFSL", "31.02.21"),
                row("Vessel", "Bad Type", "US", "Ministry of Foreign Affairs", "AFSL", "23.07.21"),
                row("Company", "Stateless Ltd", "", "Ministry of Commerce", "UEL", "09.10.2025"),
                row("Company", "Taiwanese Ltd", "TW", "Ministry of Commerce", "List of Export Controls", "09.07.2025"))
                + "\n");

        ParsedList parsed = parse(file);

        assertEquals(List.of("Kept Person", "Taiwanese Ltd"),
                parsed.entries().stream().map(e -> e.draft().subject().name()).toList());
        assertEquals(List.of(DesignationKind.COUNTERMEASURE, DesignationKind.DESIGNATION),
                parsed.entries().stream().map(ListEntry::kind).toList());
        assertEquals(List.of(3, 4, 5, 6), parsed.rejections().stream().map(Rejection::line).toList());
        List<String> reasons = parsed.rejections().stream().map(Rejection::reason).toList();
        assertTrue(reasons.get(0).contains("Body 'Ministry of Magic'"), reasons.get(0));
        assertTrue(reasons.get(1).contains("Date '31.02.21'"), reasons.get(1));
        assertTrue(reasons.get(2).contains("Type 'Vessel'"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("Stateless Ltd: no Country"), reasons.get(3));
    }

    private static void assertAnswers(ListEntry entry, String authority, SubjectType type) {
        assertEquals(DesignationKind.COUNTERMEASURE, entry.kind());
        assertEquals(type, entry.draft().subject().type());
        assertEquals(List.of(new RespondsTo(null, authority, LocalDate.of(2021, 3, 22),
                entry.draft().respondsTo().get(0).description())), entry.draft().respondsTo());
        assertEquals(entry.draft().respondsTo(), entry.actionsToLink());
    }

    private static String row(String type, String name, String country, String body, String list, String date) {
        return String.join(",", type, "", name, "", "", country, "sanction.counter", "", "", body, list, date, "",
                "https://www.fmprc.gov.cn/example.html", "");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static List<MeasureType> types(DesignationDraft draft) {
        return draft.measures().stream().map(Measure::type).toList();
    }

    private static ListEntry entry(ParsedList parsed, String id) {
        ListEntry entry = byId(parsed).get(id);
        assertTrue(entry != null, "no entry " + id);
        return entry;
    }

    private static Map<String, ListEntry> byId(ParsedList parsed) {
        return parsed.entries().stream().collect(Collectors.toMap(e -> e.draft().sourceId(), Function.identity()));
    }

    private ParsedList parse(Path file) throws IOException {
        return format.parse(Map.of(file.getFileName().toString(), file));
    }

    private static ParsedList parse(Path file, LocalDate today) throws IOException {
        return new CnCountermeasuresCsv(today).parse(Map.of(file.getFileName().toString(), file));
    }

    private static Path real() {
        assumeTrue(Files.exists(FILE), "needs the shared data folder beside the repository: " + FILE.toAbsolutePath());
        return FILE;
    }
}

package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HM Treasury's consolidated list in its 2022 format: the published .xlsx of 14 April 2025 (the shared data folder;
 * 4,688 Group IDs by its SOURCE.md) and a CSV of the same columns holding six of its parties' rows as published.
 */
class UkOfsi2022Test {

    private static final Path XLSX = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"),
            "lists", "uk-ofsi-2025-04", "ConList_2022format_2025-04-14.xlsx");
    private static final Path CSV = Path.of("src/test/resources/lists/uk-ofsi-2022/ConList.csv");
    private static final Path CSV_2018 = Path.of("src/test/resources/lists/uk-ofsi/ConList.csv");
    private static ParsedList published;

    @Test
    void every_group_id_of_the_published_file_is_one_entry_and_no_row_is_rejected() {
        ParsedList parsed = published();

        assertEquals("UK-OFSI-CONSOLIDATED", parsed.sourceList(), "the same list as the 2018 layout");
        assertEquals(4688, parsed.entries().size());
        assertEquals(4688, parsed.entries().stream().map(e -> e.draft().sourceId()).distinct().count());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void every_entry_of_the_published_file_passes_the_checks_an_import_makes() {
        assertEquals(List.of(), DraftChecks.violations(published()));
    }

    @Test
    void the_march_2021_xinjiang_listings_are_global_human_rights_designations_of_22_march_2021() {
        assertXinjiangListing("GHR0078", SubjectType.PERSON, "ZHU, HAILUN", List.of("1958-01"));
        assertXinjiangListing("GHR0077", SubjectType.PERSON, "WANG, JUNZHENG", List.of("1963-05"));
        assertXinjiangListing("GHR0076", SubjectType.PERSON, "WANG, MINGSHAN", List.of("1964-01"));
        assertXinjiangListing("GHR0075", SubjectType.PERSON, "CHEN, MINGGUO", List.of("1966-10"));
        DesignationDraft bureau = assertXinjiangListing("GHR0079", SubjectType.ORGANIZATION,
                "XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU", List.of());

        assertEquals(List.of(new Alias("XINJIANG SHENGCHAN JIANSHE BINGTUAN GONG'AN JU", AliasKind.AKA, null),
                new Alias("XPCC PSB", AliasKind.AKA, null)), bureau.subject().aliases());
        assertEquals(List.of(), bureau.subject().nationalities());
        assertEquals("14078", byReference("GHR0078").sourceId(), "Zhu Hailun's Group ID, as SOURCE.md names it");
        assertTrue(byReference("GHR0078").subject().remarks().startsWith("Last updated 2021-04-01"));
    }

    @Test
    void low_quality_aliases_are_weak_fka_rows_former_names_and_non_latin_names_keep_their_script() {
        DesignationDraft amir = entry(published(), "11205");
        assertEquals("ABDULLAH, Amir", amir.subject().name(), "the Primary name row names the party");
        assertEquals(List.of(new Alias("امیر عبد الله", AliasKind.AKA, "Arab"),
                new Alias("SAHIB, Amir Abdullah", AliasKind.WEAK, null)), amir.subject().aliases());
        assertEquals(List.of("1972"), amir.subject().birthDates(), "00/00/1972 is a year of birth");

        List<Alias> adf = entry(published(), "13189").subject().aliases();
        assertTrue(adf.contains(new Alias("ADF/NALU", AliasKind.FKA, null)));
        assertTrue(adf.contains(new Alias("ALLIED DEMOCRATIC FORCES", AliasKind.AKA, null)));

        DesignationDraft zhao = entry(published(), "16300");
        assertEquals("ZHAO, Wei", zhao.subject().name());
        assertTrue(zhao.subject().aliases().contains(new Alias("赵伟", AliasKind.AKA, "Hani")));
        assertTrue(zhao.subject().aliases().contains(new Alias("CHIO, Wai", AliasKind.AKA, null)),
                "a Primary name variation is an alias");
        assertEquals(List.of("1952-09-16"), zhao.subject().birthDates());
    }

    @Test
    void passport_numbers_are_identifiers_with_the_details_of_the_same_position() {
        DesignationDraft abramovich = entry(published(), "14212");
        assertEquals(List.of(new Identifier("Passport", "CB982788", "PT", "Portugal"),
                new Identifier("Passport", "24132276", "IL", "Israel")), abramovich.subject().identifiers());
        assertEquals(List.of("RU", "IL", "PT"), abramovich.subject().nationalities());

        Identifier passport = entry(published(), "14169").subject().identifiers().get(0);
        assertEquals("O1503093", passport.number());
        assertEquals("AF", passport.country(), "'Afghanistan number, issued on …' names the issuer");
    }

    @Test
    void a_ship_is_a_vessel_with_the_imo_number_flag_and_type_its_other_information_gives() {
        DesignationDraft ship = entry(published(), "13656");

        assertEquals(SubjectType.VESSEL, ship.subject().type());
        assertEquals("CHON MA SAN", ship.subject().name());
        assertEquals(new VesselDetails("8660313", null, null, "KP", "Oil tanker", 2808L, "Korea Achim Shipping Co"),
                ship.subject().vessel());
        assertEquals(List.of(new Alias("GO MAL SAN 4", AliasKind.AKA, null)), ship.subject().aliases());
    }

    @Test
    void a_party_under_two_regimes_has_both_programmes_and_was_listed_at_the_first() {
        DesignationDraft qods = entry(published(), "11241");

        assertEquals(List.of("UK-IRAN-NUCLEAR", "UK-SYRIA"), qods.programs());
        assertEquals(LocalDate.of(2010, 7, 27), qods.listedOn(), "Iran (Nuclear) 27/07/2010, Syria 24/08/2011");
        assertEquals("INU0082 and SYR0310", qods.sourceReference());
    }

    @Test
    void the_csv_of_the_same_columns_gives_the_same_drafts_as_the_same_rows_of_the_xlsx() throws IOException {
        ParsedList csv = format().parse(Map.of("conlist.csv", CSV));

        assertEquals(Set.of("11205", "13189", "13656", "14078", "14212", "16300"),
                csv.entries().stream().map(e -> e.draft().sourceId()).collect(Collectors.toSet()));
        for (ListEntry fromCsv : csv.entries()) {
            assertEquals(entry(published(), fromCsv.draft().sourceId()), fromCsv.draft());
        }
        assertEquals(List.of(), csv.rejections());
    }

    @Test
    void a_csv_that_is_not_utf8_is_read_as_windows_1252(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8).subList(0, 2);
        Path file = dir.resolve("ConList.csv");
        Files.write(file, List.of(lines.get(0), lines.get(1), row("SOCIÉTÉ GÉNÉRALE DE TEST", "Entity", "1")),
                Charset.forName("windows-1252"));

        assertEquals("SOCIÉTÉ GÉNÉRALE DE TEST", format().parse(Map.of("conlist.csv", file)).entries().get(0)
                .draft().subject().name());
    }

    @Test
    void the_2018_layout_is_refused_naming_the_columns_it_lacks_at_its_header_line() {
        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format().parse(Map.of("conlist.csv", CSV_2018)));

        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("[Name Non-Latin Script, Passport Number, National Identification Number, "
                + "Alias Quality]"), e.getMessage());
    }

    @Test
    void a_workbook_whose_header_lacks_group_id_is_refused_at_its_header_row(@TempDir Path dir) throws IOException {
        List<String> header = new ArrayList<>(UkOfsi2022.REQUIRED);
        header.remove("Group ID");
        Path file = workbook(dir, List.of(List.of("Consolidated list"), List.of("Last Updated", "14/04/2025"), header));

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format().parse(Map.of("conlist.xlsx", file)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith("the header lacks [Group ID]"), e.getMessage());
    }

    @Test
    void a_workbook_row_without_a_group_id_is_rejected_at_its_row_and_the_others_are_read(@TempDir Path dir)
            throws IOException {
        List<String> header = UkOfsi2022.REQUIRED;
        List<String> first = new ArrayList<>(header.stream().map(c -> (String) null).toList());
        first.set(header.indexOf("Name 6"), "FIRST TRADING");
        first.set(header.indexOf("Group Type"), "Entity");
        first.set(header.indexOf("Listed On"), "22/03/2021");
        List<String> second = new ArrayList<>(first);
        first.set(header.indexOf("Group ID"), "990001");
        Path file = workbook(dir, List.of(List.of("Last Updated", "14/04/2025"), header, first, second));

        ParsedList parsed = format().parse(Map.of("conlist.xlsx", file));
        assertEquals(List.of("FIRST TRADING"), parsed.entries().stream().map(e -> e.draft().subject().name()).toList());
        assertEquals(List.of(Rejection.atLine(4, null, "no Group ID")), parsed.rejections());
    }

    @Test
    void a_file_without_a_header_in_its_first_ten_rows_is_refused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ConList.csv");
        Files.writeString(file, "a,b\n".repeat(12));

        assertEquals(10, assertThrows(MalformedListException.class,
                () -> format().parse(Map.of("conlist.csv", file))).line());
    }

    @Test
    void a_value_beyond_the_header_columns_is_refused_at_its_line(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8).subList(0, 2);
        Path file = dir.resolve("ConList.csv");
        Files.write(file, List.of(lines.get(0), lines.get(1), row("A", "Entity", "1") + ",stray"));

        assertEquals(3, assertThrows(MalformedListException.class,
                () -> format().parse(Map.of("conlist.csv", file))).line());
    }

    @Test
    void a_file_that_is_not_a_workbook_or_named_neither_xlsx_nor_csv_is_refused(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("ConList.xlsx");
        Files.writeString(text, "Last Updated,14/04/2025\n");

        assertTrue(assertThrows(MalformedListException.class, () -> format().parse(Map.of("conlist.xlsx", text)))
                .getMessage().startsWith("not readable as an .xlsx workbook"));
        assertTrue(assertThrows(MalformedListException.class, () -> format().parse(Map.of("conlist.ods", text)))
                .getMessage().contains(".xlsx or .csv"));
    }

    private DesignationDraft assertXinjiangListing(String reference, SubjectType type, String name,
                                                   List<String> birthDates) {
        DesignationDraft listing = byReference(reference);
        assertEquals(type, listing.subject().type(), reference);
        assertEquals(name, listing.subject().name(), reference);
        assertEquals(List.of("UK-GLOBAL-HUMAN-RIGHTS"), listing.programs(), reference);
        assertEquals(LocalDate.of(2021, 3, 22), listing.listedOn(), reference);
        assertEquals(birthDates, listing.subject().birthDates(), reference);
        assertEquals("UK-HMT", listing.authority());
        assertEquals(MeasureType.ASSET_FREEZE, listing.measures().get(0).type());
        if (type == SubjectType.PERSON) {
            assertEquals(List.of(), listing.subject().aliases(), reference + ": the list gives no other name");
            assertEquals(List.of("CN"), listing.subject().nationalities(), reference);
        }
        return listing;
    }

    /** A row of the fixture's columns with only a name, a group type and a Group ID. */
    private static String row(String name, String groupType, String groupId) throws IOException {
        List<String> header = List.of(Files.readAllLines(CSV, StandardCharsets.UTF_8).get(1).split(","));
        String[] cells = new String[header.size()];
        java.util.Arrays.fill(cells, "");
        cells[header.indexOf("Name 6")] = name;
        cells[header.indexOf("Group Type")] = groupType;
        cells[header.indexOf("Listed On")] = "22/03/2021";
        cells[header.indexOf("Group ID")] = groupId;
        return String.join(",", cells);
    }

    /** A small .xlsx of these rows, written with POI's in-memory workbook (fine for a test's few cells). */
    private static Path workbook(Path dir, List<List<String>> rows) throws IOException {
        Path file = dir.resolve("ConList.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Data");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) != null) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static UkOfsi2022 format() {
        return new UkOfsi2022();
    }

    /** The published file, parsed once for all tests that read it. */
    private static synchronized ParsedList published() {
        assumeTrue(Files.exists(XLSX), "needs the shared data folder beside the repository: " + XLSX.toAbsolutePath());
        if (published == null) {
            try {
                published = format().parse(Map.of("conlist_2022format_2025-04-14.xlsx", XLSX));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return published;
    }

    private static DesignationDraft byReference(String reference) {
        return published().entries().stream().map(ListEntry::draft).filter(d -> reference.equals(d.sourceReference()))
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + reference));
    }

    private static DesignationDraft entry(ParsedList parsed, String id) {
        return parsed.entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id));
    }
}

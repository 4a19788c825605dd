package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Australia's Consolidated List as DFAT published it in December 2024 (the shared data folder; 9,553 rows and 3,062
 * base references by its SOURCE.md), and small workbooks written here for what that file does not show. The figures
 * not in SOURCE.md were counted with a separate reading of the sheet's XML (Python, no Excel library).
 */
class AuDfatXlsxTest {

    private static final Path XLSX = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"),
            "lists", "au-dfat-2024-12", "regulation8_consolidated_2024-12.xlsx");
    private static final Path MIGRATION = Path.of("src/main/resources/db/migration",
            "V7__australian_consolidated_list.sql");
    private static ParsedList published;

    @Test
    void every_base_reference_of_the_published_file_is_one_entry_and_no_row_is_rejected() {
        ParsedList parsed = published();

        assertEquals("AU-DFAT-CONSOLIDATED", parsed.sourceList());
        assertEquals(3062, parsed.entries().size());
        assertEquals(3062, parsed.entries().stream().map(e -> e.draft().sourceId()).distinct().count());
        assertEquals(List.of(), parsed.rejections());
        assertEquals(Map.of(SubjectType.PERSON, 2316L, SubjectType.ORGANIZATION, 746L), parsed.entries().stream()
                .collect(Collectors.groupingBy(e -> e.draft().subject().type(), Collectors.counting())),
                "Type: 2,316 Individual and 746 Entity primary rows; the 2024 file lists no vessel");
        // 9,553 rows less 3,062 primary names leave 6,491 other names, of which 35 repeat a name of their listing
        assertEquals(6456, parsed.entries().stream().mapToInt(e -> e.draft().subject().aliases().size()).sum());
    }

    @Test
    void every_entry_of_the_published_file_passes_the_checks_an_import_makes() {
        assertEquals(List.of(), DraftChecks.violations(published()));
    }

    @Test
    void a_russian_autonomous_listing_written_with_trailing_spaces_and_mixed_case_reads_whole() {
        // rows 7566 "Primary Name ", 7566a "Aka", 7566b "Aka " under the reference "7566b " (with its space)
        DesignationDraft belousov = entry("7566");

        assertEquals("AU-DFAT", belousov.authority());
        assertEquals(List.of("AU-AUTONOMOUS-RUSSIA"), belousov.programs());
        assertEquals("Autonomous Sanctions Act 2011; Autonomous Sanctions Regulations 2011", belousov.legalBasis());
        assertEquals(SubjectType.PERSON, belousov.subject().type());
        assertEquals("Andrei Removich BELOUSOV", belousov.subject().name());
        assertEquals(List.of(new Alias("Andrej Removitj BELOUSOV", AliasKind.AKA, "Latn"),
                new Alias("Andrey Removich BELOUSOV", AliasKind.AKA, "Latn")), belousov.subject().aliases());
        assertEquals(List.of("1959-03-17"), belousov.subject().birthDates());
        assertEquals(List.of("Moscow, Russia"), belousov.subject().placesOfBirth(), "'Moscow, Russia ' trimmed");
        assertEquals(List.of("RU"), belousov.subject().nationalities(), "Citizenship 'Russian'");
        assertEquals(LocalDate.of(2023, 7, 20), belousov.listedOn(),
                "the Listing Information names only the instrument: its Control Date");
        assertEquals("Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Russia and Ukraine) "
                + "Amendment (No. 8) Instrument 2023", belousov.sourceReference());
        assertEquals("First Deputy Prime Minister of the Russian Federation. Last changed on the list 2023-07-20",
                belousov.subject().remarks());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN, MeasureType.ENTRY_BAN),
                belousov.measures().stream().map(m -> m.type()).toList());
    }

    @Test
    void an_isil_and_al_qaida_listing_is_australias_implementation_of_the_un_regime_listed_on_the_un_date() {
        DesignationDraft baghdadi = entry("2546");

        assertEquals(List.of("AU-UNSC-1267-1989-2253-ISIL-DA-ESH-AND-AL-QAIDA"), baghdadi.programs());
        assertEquals("Charter of the United Nations Act 1945", baghdadi.legalBasis());
        assertEquals("Ibrahim Awwad Ibrahim Ali Al-Badri Al-Samarrai", baghdadi.subject().name());
        assertEquals(LocalDate.of(2011, 10, 5), baghdadi.listedOn(),
                "'Listed on 5 Oct 2011 (amended on 20 Jul 2012, …)': the listing, not an amendment");
        List<Alias> aliases = baghdadi.subject().aliases();
        assertEquals(12, aliases.size(), "2546a to 2546h2: twelve other names");
        assertTrue(aliases.contains(new Alias("Abu Bakr al-Baghdadi", AliasKind.AKA, "Latn")), "2546h2");
        assertTrue(aliases.contains(new Alias("إبراهيم عواد إبراهيم علي البدري السامرائي", AliasKind.AKA, "Arab")),
                "the Original Script row");
        assertEquals(List.of("1971"), baghdadi.subject().birthDates());
        assertEquals(List.of("Samarra, Iraq"), baghdadi.subject().placesOfBirth());
        assertEquals(List.of("IQ"), baghdadi.subject().nationalities());
        assertEquals(List.of(new Address(null, null, null, null, "IQ"), new Address(null, null, null, null, "SY")),
                baghdadi.subject().addresses(), "'a) Iraq b) Syrian Arab Republic'");
        assertTrue(baghdadi.subject().remarks().startsWith("Ration card number: 0134852. Title: Dr."));
        assertEquals(MeasureType.ENTRY_BAN, baghdadi.measures().get(2).type(), "the UN regime bans travel");
    }

    @Test
    void references_with_a_lettered_number_or_standing_apart_belong_to_their_base_reference() {
        List<String> hts = entry("2672").subject().aliases().stream().map(Alias::name).toList();
        assertTrue(hts.contains("Tahrir al-Sham Hay’at"), "2672a10");
        assertTrue(hts.contains("HTS"), "2672a1");
        assertTrue(entry("2940").subject().aliases().contains(new Alias("Chernomorneftegaz CJSC", AliasKind.AKA,
                "Latn")), "2940j stands 1,400 rows below the others of 2940");
        assertEquals(List.of("Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", "ADF/NALU",
                "NALU"), entry("2943").subject().aliases().stream().filter(a -> a.kind() == AliasKind.FKA)
                .map(Alias::name).toList(), "'Formerly known as', its line break made a space");
    }

    @Test
    void type_and_committee_values_with_trailing_spaces_read_as_without() {
        DesignationDraft khoroshev = entry("7952"); // Type "Individual ", Committees "Autonomous (Thematic - Cyber)  "
        assertEquals(SubjectType.PERSON, khoroshev.subject().type());
        assertEquals(List.of("AU-AUTONOMOUS-THEMATIC-CYBER"), khoroshev.programs());
        assertEquals(LocalDate.of(2024, 5, 8), khoroshev.listedOn());

        DesignationDraft atomflot = entry("7572"); // Type "Entity ", Name Type "Primary Name "
        assertEquals(SubjectType.ORGANIZATION, atomflot.subject().type());
        assertEquals("Federal State Unitary Enterprise ATOMFLOT", atomflot.subject().name());
        assertEquals(2, atomflot.measures().size(), "an entity is not banned from travel");
    }

    @Test
    void a_cell_naming_two_committees_gives_both_programmes() {
        assertEquals(List.of("AU-UNSC-1970-LIBYA", "AU-UNSC-1973-LIBYA"), entry("1297").programs(),
                "'1970 (Libya) 1973 (Libya)'");
    }

    @Test
    void every_programme_of_the_published_file_is_registered_by_the_migration_under_au_dfat() throws IOException {
        String sql = Files.readString(MIGRATION, StandardCharsets.UTF_8);
        Set<String> registered = Pattern.compile("\\('(AU-[A-Z0-9-]+)', 'AU-DFAT'").matcher(sql).results()
                .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = published().entries().stream().flatMap(e -> e.draft().programs().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(27, used.size(), "27 committee names, trailing spaces aside");
        assertEquals(used, registered);
        assertTrue(sql.contains("('AU-DFAT', "), "the authority itself");
    }

    @Test
    void iraq_and_1373_listings_freeze_assets_without_a_travel_ban() {
        DesignationDraft saddam = entry("649");
        assertEquals(List.of("AU-UNSC-1518-IRAQ"), saddam.programs());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.FINANCIAL_DEALINGS_BAN),
                saddam.measures().stream().map(m -> m.type()).toList());
        assertEquals(LocalDate.of(2003, 6, 27), saddam.listedOn(),
                "'Assets received on or after 23 May 2003 …' names no listing date: the Control Date");

        DesignationDraft mughassil = entry("184");
        assertEquals(List.of("AU-UNSC-1373-2001"), mughassil.programs());
        assertEquals(2, mughassil.measures().size());
        assertEquals(LocalDate.of(2022, 9, 16), mughassil.listedOn(), "'Last listed on: 16/09/2022', day first");
    }

    @Test
    void dates_of_birth_are_read_in_every_way_the_file_writes_them_and_qualified_ones_kept_as_listed() {
        assertBirthDates("a) 1/01/1968 b) 23-Apr-68", List.of("1968-01-01"), true);
        assertBirthDates("a) Approximately 1955- 1958 b) Approximately 1945-1950",
                List.of("1955", "1958", "1945", "1950"), true);
        assertBirthDates("Between 1963 and 1968", List.of("1963", "1968"), true);
        assertBirthDates("Circa 1970", List.of("1970"), true);
        assertBirthDates("a) 19 Apr. 1982\u00a0\u00a0 b) 18 Apr. 1982\u00a0\u00a0 c) 24/06/1402 (Hijri Calendar)",
                List.of("1982-04-19", "1982-04-18"), true);
        assertBirthDates("a) 12/05/1963; b) 16-Sept-1964; c) Mar 1960; d) Jan 5, 1970",
                List.of("1963-05-12", "1964-09-16", "1960-03", "1970-01-05"), false);
        assertBirthDates("1959-03-17", List.of("1959-03-17"), false);
        assertBirthDates("12/05/1963; alt DOB: 1964 or 1965", List.of("1963-05-12", "1964", "1965"), false);
        assertBirthDates("31/02/1970", List.of(), true);
    }

    @Test
    void listing_dates_come_before_the_first_amendment_and_never_from_on_or_after() {
        assertEquals(LocalDate.of(2001, 1, 25), AuDfatListing.listingDate("Listed by UN 1267 Committee on 25 "
                + "January 2001 (amended on 20 December 2005, 9 July 2007)"));
        assertNull(AuDfatListing.listingDate("Resolution 1596 (2005), amended 16 December 2008 and 5 February 2015"));
        assertEquals(LocalDate.of(2024, 9, 16), AuDfatListing.listingDate("16-Sept-2024"));
        assertNull(AuDfatListing.listingDate("Autonomous Sanctions (Designated Persons and Entities and Declared "
                + "Persons—Russia and Ukraine) Amendment (No. 2) Instrument 2023"));
        assertNull(AuDfatListing.listingDate("Assets received on or after 23 May 2003 are not “controlled assets”"));
    }

    @Test
    void citizenships_are_countries_or_nationality_adjectives_and_the_others_are_kept_as_listed() {
        assertNationalities("Russian and Ukrainian", List.of("RU", "UA"), true);
        assertNationalities("a) German\u00a0 b) Moroccan", List.of("DE", "MA"), true);
        assertNationalities("Turkish/Jordanian", List.of("TR", "JO"), true);
        assertNationalities("Trinidad and Tobago", List.of("TT"), true);
        assertNationalities("Indonesian (as at Dec. 2003)", List.of("ID"), true);
        assertNationalities("a) Russian\u00a0 b) USSR (until 1991)", List.of("RU"), false);
        assertNationalities("Congolese", List.of(), false);
        // in the file: 15 listings "Congolese" (either Congo), one "Kuwaiti citizenship withdrawn in 2002", one "USSR"
        assertEquals(17, published().entries().stream().map(e -> e.draft().subject().remarks())
                .filter(r -> r != null && r.contains("Citizenship as listed: ")).count());
    }

    @Test
    void addresses_split_into_items_with_the_country_of_their_last_part() {
        assertEquals(new Address("d. 2, str. 4, ul. Letnikovskaya, Moscow 115114", null, null, null, "RU"),
                AuDfatListing.address("d. 2, str. 4, ul. Letnikovskaya, Moscow 115114, Russia"));
        assertEquals(new Address("(detained)", null, null, null, "ES"), AuDfatListing.address("Spain (detained)"));
        assertEquals(new Address("Tehran", null, null, null, null), AuDfatListing.address("Tehran"));
        assertEquals(List.of("Mosul, Iraq", "Az Zabadani, Syrian Arab Republic"),
                AuDfatListing.items("a) Mosul, Iraq; b) Az Zabadani, Syrian Arab Republic"));
        assertEquals(List.of("16 (former 14) Fajr Street, Tehran, Iran"),
                AuDfatListing.items("16 (former 14) Fajr Street, Tehran, Iran"), "'14)' in brackets is no label");
        assertEquals(List.of(), AuDfatListing.items("NA"));
    }

    @Test
    void imo_numbers_in_additional_information_are_identifiers_of_the_companies_that_hold_them() {
        assertEquals(List.of(new Identifier("IMO", "6183435", null, null)), entry("7964").subject().identifiers(),
                "'IMO Identification Number: 6183435 (Company)'");
        // 20 listings' Additional Information says IMO and gives a 7-digit number, 15 of them DPRK shipping companies
        assertEquals(20, published().entries().stream().filter(e -> e.draft().subject().identifiers().stream()
                .anyMatch(i -> i.kind().equals("IMO"))).count());
        assertEquals(15, published().entries().stream().filter(e -> !e.draft().subject().identifiers().isEmpty())
                .filter(e -> e.draft().programs().contains("AU-UNSC-1718-DPRK")).count());
    }

    @Test
    void a_vessel_row_is_a_vessel_with_the_imo_number_its_additional_information_gives(@TempDir Path dir)
            throws IOException {
        List<String> row = row("9001", "OCEAN TESTER", "Vessel", "Primary Name", "Autonomous (Russia)");
        row.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.INFORMATION), "IMO number: 9074729. Flag: Panama");
        DesignationDraft ship = parse(workbook(dir, List.of(AuDfatXlsx.COLUMNS, row), -1)).entries().get(0).draft();

        assertEquals(SubjectType.VESSEL, ship.subject().type());
        assertEquals(new VesselDetails("9074729", null, null, null, null, null, null), ship.subject().vessel());
        assertEquals(List.of(), ship.subject().identifiers());
        assertEquals(2, ship.measures().size());
    }

    @Test
    void a_control_date_cell_in_excels_us_short_date_format_is_read_as_the_date_it_holds(@TempDir Path dir)
            throws IOException {
        List<String> row = row("9002", "TEST TRADING", "Entity", "Primary Name", "Autonomous (Iran)");
        Path file = workbook(dir, List.of(AuDfatXlsx.COLUMNS, row), 45303); // 12 January 2024, shown "1/12/24"

        assertEquals(LocalDate.of(2024, 1, 12), parse(file).entries().get(0).draft().listedOn());
    }

    @Test
    void a_workbook_whose_header_lacks_committees_is_refused_at_its_header_row(@TempDir Path dir) throws IOException {
        List<String> header = new ArrayList<>(AuDfatXlsx.COLUMNS);
        header.remove(AuDfatXlsx.COMMITTEES);
        Path file = workbook(dir, List.of(List.of("Consolidated List"), header), -1);

        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().endsWith("the header lacks [Committees]"), e.getMessage());
    }

    @Test
    void header_names_are_read_without_case_or_surrounding_spaces(@TempDir Path dir) throws IOException {
        List<String> header = AuDfatXlsx.COLUMNS.stream().map(c -> " " + c.toUpperCase() + " ").toList();
        Path file = workbook(dir, List.of(header, row("9003", "A", "Entity", "Primary Name", "1718 (DPRK)")), -1);

        assertEquals(List.of("AU-UNSC-1718-DPRK"), parse(file).entries().get(0).draft().programs());
    }

    @Test
    void a_row_without_a_reference_or_name_is_rejected_at_its_row_and_the_others_are_read(@TempDir Path dir)
            throws IOException {
        Path file = workbook(dir, List.of(AuDfatXlsx.COLUMNS,
                row("9004", "FIRST TRADING", "Entity", "Primary Name", "Autonomous (Syria)"),
                row(null, "NO REFERENCE", "Entity", "aka", "Autonomous (Syria)"),
                row("X12", "BAD REFERENCE", "Entity", "aka", "Autonomous (Syria)"),
                row("9004a", null, "Entity", "aka", "Autonomous (Syria)")), -1);

        ParsedList parsed = parse(file);
        assertEquals(List.of("FIRST TRADING"), parsed.entries().stream().map(e -> e.draft().subject().name()).toList());
        assertEquals(List.of(Rejection.atLine(3, null, "no Reference"),
                Rejection.atLine(4, null, "Reference 'X12' is not a listing number with an optional letter"),
                Rejection.atLine(5, "9004", "no Name of Individual or Entity")), parsed.rejections());
    }

    @Test
    void a_value_beyond_the_header_columns_or_a_file_without_a_header_is_refused(@TempDir Path dir)
            throws IOException {
        List<String> stray = new ArrayList<>(row("9005", "A", "Entity", "Primary Name", "1718 (DPRK)"));
        stray.add("stray");
        Path beyond = workbook(dir, List.of(AuDfatXlsx.COLUMNS, stray), -1);
        assertEquals(2, assertThrows(MalformedListException.class, () -> parse(beyond)).line());

        List<List<String>> noHeader = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            noHeader.add(List.of("a", "b"));
        }
        Path headless = workbook(dir, noHeader, -1);
        assertEquals(10, assertThrows(MalformedListException.class, () -> parse(headless)).line());
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("regulation8_consolidated.xlsx");
        Files.writeString(text, "Reference,Name of Individual or Entity\n");

        assertTrue(assertThrows(MalformedListException.class, () -> parse(text)).getMessage()
                .startsWith("not readable as an .xlsx workbook"));
    }

    private static void assertBirthDates(String text, List<String> dates, boolean keptAsListed) {
        Set<String> found = new LinkedHashSet<>();
        List<String> remarks = new ArrayList<>();
        AuDfatListing.birthDates(text, found, remarks);
        assertEquals(dates, List.copyOf(found), text);
        assertEquals(keptAsListed ? List.of("Date of birth as listed: " + text) : List.of(), remarks, text);
    }

    private static void assertNationalities(String text, List<String> codes, boolean allCountries) {
        Set<String> found = new LinkedHashSet<>();
        assertEquals(allCountries, AuDfatListing.nationalities(text, found), text);
        assertEquals(codes, List.copyOf(found), text);
    }

    /** A row of the file's columns with a reference, a name, a type, a name type and a committee. */
    private static List<String> row(String reference, String name, String type, String nameType, String committee) {
        List<String> cells = new ArrayList<>(AuDfatXlsx.COLUMNS.stream().map(c -> (String) null).toList());
        cells.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.REFERENCE), reference);
        cells.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.NAME), name);
        cells.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.TYPE), type);
        cells.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.NAME_TYPE), nameType);
        cells.set(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.COMMITTEES), committee);
        return cells;
    }

    /**
     * A small .xlsx of these rows, written with POI's in-memory workbook; {@code controlDate} (an Excel serial day,
     * if not negative) goes into the Control Date cell of every row but the first, formatted as Excel's built-in
     * short date (format 14), as DFAT's file formats most of them.
     */
    private static Path workbook(Path dir, List<List<String>> rows, double controlDate) throws IOException {
        Path file = Files.createTempFile(dir, "regulation8_consolidated", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Sheet1");
            var shortDate = workbook.createCellStyle();
            shortDate.setDataFormat((short) 14);
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) != null) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
                if (r > 0 && controlDate >= 0) {
                    var cell = row.createCell(AuDfatXlsx.COLUMNS.indexOf(AuDfatXlsx.CONTROL_DATE));
                    cell.setCellValue(controlDate);
                    cell.setCellStyle(shortDate);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static ParsedList parse(Path file) throws IOException {
        return new AuDfatXlsx().parse(Map.of(file.getFileName().toString(), file));
    }

    /** The published file, parsed once for all tests that read it. */
    private static synchronized ParsedList published() {
        assumeTrue(Files.exists(XLSX), "needs the shared data folder beside the repository: " + XLSX.toAbsolutePath());
        if (published == null) {
            try {
                published = parse(XLSX);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return published;
    }

    private static DesignationDraft entry(String id) {
        return published().entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id));
    }
}

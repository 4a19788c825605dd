package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The EU financial sanctions file: a real v1.0 subset (2016), a hand-made v1.1 file, and the real v1.1 file of
 * 18 March 2022 (shared data folder) whose download broke off after 1,044 entities, closed by hand (SOURCE.md).
 */
class EuFsfXmlTest {

    private static final Path V10 = Path.of("src/test/resources/lists/eu-fsf/data-v1.0.xml");
    private static final Path V11 = Path.of("src/test/resources/lists/eu-fsf/export-v1.1.xml");
    private static final Path EXCERPT = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"), "lists",
            "eu-fsf-2022-03-excerpt", "eu_fsf_1_1_2022-03-18_TRUNCATED_first1044.xml");
    private final EuFsfXml format = new EuFsfXml();

    @Test
    void the_old_v1_0_file_gives_one_entry_per_entity_keyed_by_its_id() throws IOException {
        ParsedList parsed = format.parse(Map.of("data.xml", V10));

        assertEquals("EU-FSF", parsed.sourceList());
        assertEquals(12, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
        DesignationDraft mugabe = entry(parsed, "1");
        assertEquals("Robert Gabriel Mugabe", mugabe.subject().name());
        assertEquals(SubjectType.PERSON, mugabe.subject().type());
        assertEquals(List.of("EU-ZWE"), mugabe.programs());
        assertEquals("EU-COUNCIL", mugabe.authority());
        assertEquals(List.of("1924-02-21"), mugabe.subject().birthDates());
        assertEquals(List.of("Kutama"), mugabe.subject().placesOfBirth());
        assertEquals(LocalDate.of(2012, 2, 21), mugabe.listedOn());
        assertEquals(MeasureType.ASSET_FREEZE, mugabe.measures().get(0).type());
        assertTrue(mugabe.subject().identifiers().get(0).number().startsWith("AD001095"));
    }

    @Test
    void the_current_v1_1_file_gives_names_scripts_and_countries_from_attributes() throws IOException {
        ParsedList parsed = format.parse(Map.of("export.xml", V11));

        DesignationDraft zhu = entry(parsed, "138461");
        assertEquals("ZHU Hailun", zhu.subject().name());
        assertEquals("朱海仑", zhu.subject().aliases().get(0).name());
        assertEquals("Hani", zhu.subject().aliases().get(0).script());
        assertEquals(List.of("EU-GHRSR"), zhu.programs());
        assertEquals(LocalDate.of(2021, 3, 22), zhu.listedOn());
        assertEquals(List.of("1958-01-01"), zhu.subject().birthDates());
        assertEquals(List.of("CN"), zhu.subject().citizenships());
        DesignationDraft bureau = entry(parsed, "138465");
        assertEquals(SubjectType.ORGANIZATION, bureau.subject().type());
        assertEquals("CN", bureau.subject().addresses().get(0).country());
    }

    @Test
    void the_real_v1_1_excerpt_gives_one_valid_entry_per_logical_id() throws IOException {
        ParsedList parsed = format.parse(Map.of("export.xml", excerpt()));

        assertEquals(List.of(), parsed.rejections());
        // SOURCE.md: 1,044 sanctionEntity elements, logicalId 13 … 6973, by programme; 20 ids come twice (AFG, TAQA)
        assertEquals(1044 - 20, parsed.entries().size());
        assertEquals(20, parsed.entries().stream().filter(e -> e.draft().programs().size() == 2).count());
        assertEquals("13", parsed.entries().get(0).draft().sourceId());
        assertEquals("6973", parsed.entries().get(1023).draft().sourceId());
        assertEquals(Map.ofEntries(Map.entry("EU-IRN", 267L), Map.entry("EU-TAQA", 216L), Map.entry("EU-SYR", 146L),
                        Map.entry("EU-AFG", 113L), Map.entry("EU-IRQ", 86L), Map.entry("EU-PRK", 46L),
                        Map.entry("EU-LBY", 45L), Map.entry("EU-TUN", 43L), Map.entry("EU-COD", 32L),
                        Map.entry("EU-TERR", 28L), Map.entry("EU-SOM", 10L), Map.entry("EU-GIN", 5L),
                        Map.entry("EU-BLR", 4L), Map.entry("EU-SDN", 3L)),
                parsed.entries().stream().flatMap(e -> e.draft().programs().stream())
                        .collect(Collectors.groupingBy(p -> p, Collectors.counting())));
        assertTrue(parsed.entries().stream().map(ListEntry::draft).allMatch(d -> d.sourceUrl() != null
                && d.sourceReference().startsWith("EU.")), "every regulation has its publicationUrl element");
        assertEquals(List.of(), DraftChecks.violations(parsed));
    }

    @Test
    void noureddine_al_drissi_field_by_field_with_weak_aliases_and_an_expired_passport() throws IOException {
        ListEntry entry = entryOf(format.parse(Map.of("export.xml", excerpt())), "1095");
        DesignationDraft d = entry.draft();
        Subject s = d.subject();

        assertEquals(9292, entry.line());
        assertEquals(List.of("EU-TAQA"), d.programs());
        assertEquals("EU-COUNCIL", d.authority());
        assertEquals(LocalDate.of(2003, 11, 12), d.listedOn());
        assertEquals("2020/1297 (OJ L303I)", d.legalBasis());
        assertEquals("EU.958.41", d.sourceReference());
        assertEquals("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.LI.2020.303.01.0001.01.ENG"
                + "&toc=OJ:L:2020:303I:TOC", d.sourceUrl());
        assertEquals(SubjectType.PERSON, s.type());
        assertEquals("Noureddine Ben Ali Ben Belkassem Al-Drissi", s.name());
        assertEquals(List.of(new Alias("Drissi Noureddine", AliasKind.AKA, "Latn"),
                new Alias("Abou Ali", AliasKind.WEAK, "Latn"), new Alias("Faycal", AliasKind.WEAK, "Latn"),
                new Alias("نور الدين بن علي بن بلقاسم الدريسي", AliasKind.AKA, "Arab")), s.aliases());
        assertEquals(List.of("TN"), s.citizenships());
        assertEquals(List.of("1964-04-30"), s.birthDates());
        assertEquals(List.of("Tunis, TUNISIA"), s.placesOfBirth());
        assertEquals(List.of(new Address("Via Plebiscito 3", "Cremona", null, null, "IT")), s.addresses());
        assertEquals(List.of(new Identifier("National passport", "L851940", "TN",
                "known expired; issued: 1998-09-09; valid to: 2003-09-08")), s.identifiers());
        assertEquals("Other information: (a) Mother’s name is Khadijah al-Drissi; (b) Deported from Italy to Tunisia "
                + "on 10.2.2013.", s.remarks());
    }

    @Test
    void a_year_and_month_or_a_range_of_years_are_birth_dates_and_an_unknown_country_no_place() throws IOException {
        ParsedList parsed = format.parse(Map.of("export.xml", excerpt()));

        Subject nizar = entryOf(parsed, "6497").draft().subject();
        assertEquals("نزار الأسد", nizar.name());
        assertEquals(List.of("1948-03", "1948-03-23", "1948-03-02"), nizar.birthDates());
        assertEquals(List.of(), nizar.placesOfBirth(), "country 00, UNKNOWN");
        assertEquals(List.of("LB", "CA", "SY"), nizar.citizenships());
        assertTrue(nizar.remarks().startsWith("Function: Leading Syrian businessperson"), nizar.remarks());
    }

    @Test
    void an_entity_listed_under_two_regimes_is_one_designation_of_both() throws IOException {
        ListEntry entry = entryOf(format.parse(Map.of("export.xml", excerpt())), "516");
        DesignationDraft sayed = entry.draft();

        assertEquals(3630, entry.line(), "the first record's");
        assertEquals(List.of("EU-AFG", "EU-TAQA"), sayed.programs());
        assertEquals(LocalDate.of(2001, 1, 31), sayed.listedOn(), "the AFG record's; the TAQA one has none");
        assertEquals("2017/404 (OJ L63); 220/2008 (OJ L68)", sayed.legalBasis());
        assertEquals("EU.472.57", sayed.sourceReference());
        assertEquals("Sayed Ghiasuddin Sayed Ghousuddin", sayed.subject().name());
        assertEquals(List.of("Sayed Ghias", "Sayyed Ghiassouddine Agha", "Sayyed Ghayasudin",
                "Agha, Sayyed Ghiassouddine"), sayed.subject().aliases().stream().map(Alias::name).toList());
        assertEquals(List.of("1961", "1958", "1963"), sayed.subject().birthDates(), "1961; between 1958 and 1963");
        assertEquals(List.of("Kohistan District, Faryab Province, AFGHANISTAN", "Faryab province, AFGHANISTAN"),
                sayed.subject().placesOfBirth());
        assertEquals(List.of("AF"), sayed.subject().citizenships());
    }

    @Test
    void the_file_cut_mid_element_as_the_download_broke_off_is_refused_whole_at_the_line_it_ends(@TempDir Path dir)
            throws IOException {
        List<String> lines = Files.readAllLines(excerpt());
        List<String> cut = new java.util.ArrayList<>(lines.subList(0, 9299));
        cut.add(lines.get(9299).substring(0, lines.get(9299).length() / 2));
        Path broken = Files.write(dir.resolve("export.xml"), cut);

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format.parse(Map.of("export.xml", broken)));
        assertEquals(9300, e.line());
    }

    @Test
    void a_prefix_closed_by_hand_gives_its_real_entries(@TempDir Path dir) throws IOException {
        String xml = Files.readString(excerpt(), StandardCharsets.UTF_8);
        int third = xml.indexOf("</sanctionEntity>", xml.indexOf("</sanctionEntity>",
                xml.indexOf("</sanctionEntity>") + 1) + 1) + "</sanctionEntity>".length();
        Path prefix = Files.writeString(dir.resolve("export.xml"), xml.substring(0, third) + "\n</export>\n");

        ParsedList parsed = format.parse(Map.of("export.xml", prefix));
        assertEquals(3, parsed.entries().size());
        ListEntry saddam = parsed.entries().get(0);
        DesignationDraft d = saddam.draft();
        assertEquals(3, saddam.line());
        assertEquals("13", d.sourceId());
        assertEquals("EU.27.28", d.sourceReference());
        assertEquals(List.of("EU-IRQ"), d.programs());
        assertEquals(LocalDate.of(2003, 7, 7), d.listedOn(), "no designationDate: the regulation's entry into force");
        assertEquals("1210/2003 (OJ L169)", d.legalBasis());
        assertEquals("http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2003:169:0006:0023:EN:PDF",
                d.sourceUrl());
        assertEquals("Saddam Hussein Al-Tikriti", d.subject().name());
        assertEquals(List.of(new Alias("Abu Ali", AliasKind.AKA, "Latn"), new Alias("Abou Ali", AliasKind.AKA, "Latn")),
                d.subject().aliases());
        assertEquals(List.of("IQ"), d.subject().citizenships());
        assertEquals(List.of("1937-04-28"), d.subject().birthDates());
        assertEquals(List.of("al-Awja, near Tikrit, IRAQ"), d.subject().placesOfBirth());
        assertEquals("UNSC RESOLUTION 1483", d.subject().remarks());
        assertNull(d.subject().vessel());
    }

    @Test
    void another_xml_list_is_refused(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("data.xml");
        Files.writeString(sdn, "<?xml version=\"1.0\"?>\n<sdnList/>\n");

        assertThrows(MalformedListException.class, () -> format.parse(Map.of("data.xml", sdn)));
    }

    private static ListEntry entryOf(ParsedList parsed, String id) {
        return parsed.entries().stream().filter(e -> id.equals(e.draft().sourceId())).findFirst().orElseThrow();
    }

    private static Path excerpt() {
        assumeTrue(Files.exists(EXCERPT), "needs the shared data folder beside the repository: " + EXCERPT.toAbsolutePath());
        return EXCERPT;
    }

    private static DesignationDraft entry(ParsedList parsed, String id) {
        return parsed.entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId())).findFirst()
                .orElseThrow();
    }
}

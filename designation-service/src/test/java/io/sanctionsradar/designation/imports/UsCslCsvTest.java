package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Consolidated Screening List (a real subset of the April 2022 file) mapped to designation drafts. */
class UsCslCsvTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/us-csl/consolidated.csv");
    private final UsCslCsv format = new UsCslCsv();

    @Test
    void every_row_becomes_an_entry_of_the_one_csl_source_list() throws IOException {
        ParsedList parsed = parse();

        assertEquals("US-CSL", parsed.sourceList());
        assertEquals(43, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void an_entity_list_row_requires_a_licence_with_its_requirement_and_review_policy() throws IOException {
        DesignationDraft hikvision = entry("f095626c9f8becc70b5948507fb6de6e443b257a");

        assertEquals("US-BIS", hikvision.authority());
        assertEquals(List.of("ENTITY-LIST"), hikvision.programs());
        assertEquals(MeasureType.EXPORT_LICENSE_REQUIRED, hikvision.measures().get(0).type());
        assertTrue(hikvision.measures().get(0).licenseRequirement().startsWith("For all items subject to the EAR"));
        assertTrue(hikvision.measures().get(0).reviewPolicy().startsWith("Case-by-case"));
        assertEquals(LocalDate.of(2019, 10, 9), hikvision.listedOn());
        assertTrue(hikvision.sourceReference().startsWith("84 FR 54002"));
        assertEquals(SubjectType.ORGANIZATION, hikvision.subject().type());
        assertEquals("CN", hikvision.subject().addresses().get(0).country());
    }

    @Test
    void a_cmic_row_is_an_investment_ban_with_its_aliases() throws IOException {
        DesignationDraft hikvision = entry("30946");

        assertEquals("US-OFAC", hikvision.authority());
        assertEquals(List.of("CMIC-EO13959"), hikvision.programs());
        assertEquals(MeasureType.INVESTMENT_BAN, hikvision.measures().get(0).type());
        assertTrue(hikvision.subject().aliases().stream().anyMatch(a -> a.name().equals("HIKVISION")));
    }

    @Test
    void an_sdn_row_carries_the_persons_details() throws IOException {
        DesignationDraft chen = entry("31493");

        assertEquals(SubjectType.PERSON, chen.subject().type());
        assertEquals(List.of("GLOMAG"), chen.programs());
        assertEquals(MeasureType.ASSET_FREEZE, chen.measures().get(0).type());
        assertEquals(List.of("1966-10-01"), chen.subject().birthDates());
        assertEquals(List.of("CN"), chen.subject().nationalities());
        assertEquals(List.of("Yilong, Sichuan, China"), chen.subject().placesOfBirth());
    }

    @Test
    void aliases_ending_in_and_are_split_cleanly() throws IOException {
        boolean anyAndPrefix = parse().entries().stream()
                .flatMap(e -> e.draft().subject().aliases().stream())
                .anyMatch(a -> a.name().startsWith("and "));
        assertEquals(false, anyAndPrefix);
    }

    @Test
    void one_ofac_entry_on_several_treasury_lists_is_one_designation_with_every_measure(@TempDir Path dir)
            throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE);
        String chen = lines.stream().filter(l -> l.startsWith("31493,")).findFirst().orElseThrow();
        Path file = dir.resolve("consolidated.csv");
        Files.write(file, List.of(lines.get(0), chen, chen.replace(
                "Specially Designated Nationals (SDN) - Treasury Department",
                "Sectoral Sanctions Identifications List (SSI) - Treasury Department")));

        ParsedList parsed = format.parse(Map.of("consolidated.csv", file));

        assertEquals(1, parsed.entries().size());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.SECTORAL_RESTRICTIONS),
                parsed.entries().get(0).draft().measures().stream().map(m -> m.type()).toList());
    }

    @Test
    void a_file_without_the_csl_header_is_refused_at_line_1(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("consolidated.csv");
        Files.writeString(sdn, "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n");

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format.parse(Map.of("consolidated.csv", sdn)));
        assertEquals(1, e.line());
    }

    @Test
    void a_row_with_a_missing_column_is_refused_with_its_line(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE);
        Path broken = dir.resolve("consolidated.csv");
        Files.write(broken, List.of(lines.get(0), lines.get(1), "abc,Entity List (EL) - Bureau of Industry and Security,x"));

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format.parse(Map.of("consolidated.csv", broken)));
        assertEquals(3, e.line());
    }

    private ParsedList parse() throws IOException {
        return format.parse(Map.of("consolidated.csv", FIXTURE));
    }

    private DesignationDraft entry(String id) throws IOException {
        return parse().entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId()))
                .findFirst().orElseThrow();
    }
}

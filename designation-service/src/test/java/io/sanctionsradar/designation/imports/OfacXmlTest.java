package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OFAC's sdnList XML (a real subset of the consolidated non-SDN list of 28 March 2025). */
class OfacXmlTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/ofac-xml/consolidated.xml");
    private final OfacXml format = new OfacXml();

    @Test
    void a_file_named_consolidated_is_the_non_sdn_list() throws IOException {
        ParsedList parsed = format.parse(Map.of("consolidated.xml", FIXTURE));

        assertEquals("US-OFAC-CONSOLIDATED", parsed.sourceList());
        assertEquals(15, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void the_same_xml_named_as_the_sdn_list_goes_to_the_sdn_source_list_with_an_asset_freeze() throws IOException {
        ParsedList parsed = format.parse(Map.of("sdn.xml", FIXTURE));

        assertEquals("US-OFAC-SDN", parsed.sourceList());
        assertEquals(MeasureType.ASSET_FREEZE, parsed.entries().get(0).draft().measures().get(0).type());
    }

    @Test
    void a_cmic_company_is_an_investment_ban_with_its_aliases() throws IOException {
        DesignationDraft hikvision = entry("30946");

        assertEquals(SubjectType.ORGANIZATION, hikvision.subject().type());
        assertEquals("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", hikvision.subject().name());
        assertEquals(List.of("CMIC-EO13959"), hikvision.programs());
        assertEquals(MeasureType.INVESTMENT_BAN, hikvision.measures().get(0).type());
        assertTrue(hikvision.subject().aliases().stream().anyMatch(a -> a.name().equals("HIKVISION")));
    }

    @Test
    void a_person_is_named_surname_first_with_birth_date_and_place() throws IOException {
        DesignationDraft haniya = entry("9639");

        assertEquals("HANIYA, Ismail Abdul Salah", haniya.subject().name());
        assertEquals(SubjectType.PERSON, haniya.subject().type());
        assertEquals(List.of("1962"), haniya.subject().birthDates());
        assertEquals(List.of("Shati"), haniya.subject().placesOfBirth());
        assertEquals(MeasureType.FINANCIAL_DEALINGS_BAN, haniya.measures().get(0).type());
    }

    @Test
    void xml_of_another_list_is_refused(@TempDir Path dir) throws IOException {
        Path un = dir.resolve("consolidated.xml");
        Files.writeString(un, "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n");

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format.parse(Map.of("consolidated.xml", un)));
        assertEquals(2, e.line());
    }

    private DesignationDraft entry(String uid) throws IOException {
        return format.parse(Map.of("consolidated.xml", FIXTURE)).entries().stream().map(ListEntry::draft)
                .filter(d -> uid.equals(d.sourceId())).findFirst().orElseThrow();
    }
}

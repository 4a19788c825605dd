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

/** The EU financial sanctions file: a real v1.0 subset (2016) and a v1.1 file in the current shape. */
class EuFsfXmlTest {

    private static final Path V10 = Path.of("src/test/resources/lists/eu-fsf/data-v1.0.xml");
    private static final Path V11 = Path.of("src/test/resources/lists/eu-fsf/export-v1.1.xml");
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
    void another_xml_list_is_refused(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("data.xml");
        Files.writeString(sdn, "<?xml version=\"1.0\"?>\n<sdnList/>\n");

        assertThrows(MalformedListException.class, () -> format.parse(Map.of("data.xml", sdn)));
    }

    private static DesignationDraft entry(ParsedList parsed, String id) {
        return parsed.entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId())).findFirst()
                .orElseThrow();
    }
}

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

/** The UN Security Council consolidated list (a real subset of the February 2026 file). */
class UnXmlTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/un/consolidated.xml");
    private final UnXml format = new UnXml();

    @Test
    void individuals_and_entities_become_entries_keyed_by_dataid() throws IOException {
        ParsedList parsed = parse(FIXTURE);

        assertEquals("UN-SC-CONSOLIDATED", parsed.sourceList());
        assertEquals(25, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void an_individual_has_asset_freeze_travel_ban_and_arms_embargo_under_its_regime() throws IOException {
        DesignationDraft badege = entry("6907993");

        assertEquals("ERIC BADEGE", badege.subject().name());
        assertEquals(SubjectType.PERSON, badege.subject().type());
        assertEquals("UN-SC", badege.authority());
        assertEquals(List.of("UN-DRC"), badege.programs());
        assertEquals(LocalDate.of(2012, 12, 31), badege.listedOn());
        assertEquals("CDi.001", badege.sourceReference());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.ENTRY_BAN, MeasureType.ARMS_EMBARGO),
                badege.measures().stream().map(m -> m.type()).toList());
        assertEquals(List.of("1971"), badege.subject().birthDates());
        assertEquals(List.of("CD"), badege.subject().nationalities());
        assertEquals("RW", badege.subject().addresses().get(0).country());
    }

    @Test
    void the_name_in_its_original_script_is_an_alias_with_that_script() throws IOException {
        DesignationDraft saddam = entry("6908048");

        assertTrue(saddam.subject().aliases().stream()
                .anyMatch(a -> a.name().equals("صدام حسين التكريتي") && "Arab".equals(a.script())), saddam.subject().aliases().toString());
        assertEquals(List.of("UN-IRAQ"), saddam.programs());
    }

    @Test
    void an_entity_has_no_travel_ban_and_keeps_its_former_names() throws IOException {
        DesignationDraft adf = entry("6908402");

        assertEquals(SubjectType.ORGANIZATION, adf.subject().type());
        assertEquals(List.of(MeasureType.ASSET_FREEZE, MeasureType.ARMS_EMBARGO),
                adf.measures().stream().map(m -> m.type()).toList());
        assertTrue(adf.subject().aliases().stream().anyMatch(a -> a.name().equals("NALU")
                && a.kind() == io.sanctionsradar.designation.domain.AliasKind.FKA));
    }

    @Test
    void broken_xml_is_refused_with_its_line(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("consolidated.xml");
        Files.writeString(broken, "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</INDIVIDUALS>\n");

        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(broken));
        assertEquals(4, e.line());
    }

    @Test
    void another_list_format_is_refused(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("sdnList.xml");
        Files.writeString(other, "<?xml version=\"1.0\"?>\n<sdnList><sdnEntry/></sdnList>\n");

        assertThrows(MalformedListException.class, () -> parse(other));
    }

    @Test
    void an_external_entity_is_never_resolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET");
        Path hostile = dir.resolve("consolidated.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM \"" + secret.toUri()
                + "\">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
                + "<FIRST_NAME>&s;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n");

        try {
            ParsedList parsed = parse(hostile);
            parsed.entries().forEach(e -> assertTrue(!e.draft().subject().name().contains("TOP SECRET")));
        } catch (MalformedListException refused) {
            // refusing the file outright is just as safe
        }
    }

    private ParsedList parse(Path file) throws IOException {
        return format.parse(Map.of("consolidated.xml", file));
    }

    private DesignationDraft entry(String id) throws IOException {
        return parse(FIXTURE).entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId()))
                .findFirst().orElseThrow();
    }
}

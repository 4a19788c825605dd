package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.MeasureType;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HM Treasury's consolidated list (a real subset of the 13 April 2018 file, Windows-1252). */
class UkOfsiCsvTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/uk-ofsi/ConList.csv");
    private final UkOfsiCsv format = new UkOfsiCsv();

    @Test
    void the_rows_of_one_group_id_become_one_entry() throws IOException {
        ParsedList parsed = parse(FIXTURE);

        assertEquals("UK-OFSI-CONSOLIDATED", parsed.sourceList());
        assertEquals(13, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void the_prime_alias_names_the_party_and_the_other_rows_are_aliases() throws IOException {
        DesignationDraft party = entry("13349");

        assertEquals("AL-HABABI, Nayef Salam Muhammad Ujaym", party.subject().name());
        assertEquals(SubjectType.PERSON, party.subject().type());
        assertTrue(party.subject().aliases().stream().anyMatch(a -> a.name().equals("AL-QAHTANI, Sheikh Farooq")));
        assertEquals("UK-HMT", party.authority());
        assertEquals(List.of("UK-THE-ISIL-DA-ESH-AND-AL-QAIDA-ORGANISATIONS"), party.programs());
        assertEquals(MeasureType.ASSET_FREEZE, party.measures().get(0).type());
        assertEquals(LocalDate.of(2016, 4, 1), party.listedOn());
        assertEquals(List.of("1980", "1981"), party.subject().birthDates(), "the list gives two years of birth");
        assertEquals(List.of("SA", "QA"), party.subject().nationalities());
        assertTrue(party.subject().remarks().contains("Passport No: 592667"));
    }

    @Test
    void passport_and_national_id_numbers_become_identifiers() throws IOException {
        assertEquals(List.of(new Identifier("Passport", "592667", null, null)),
                entry("13349").subject().identifiers());
        assertEquals(List.of(new Identifier("Passport", "2255278", "SY", null)),
                entry("12872").subject().identifiers(), "a country in brackets after the number is its issuer");
        assertEquals(List.of(new Identifier("Passport", "G557170", null, null)), entry("13130").subject().identifiers());
        assertEquals(List.of(new Identifier("National Identification Number", "3603251708570001", null, null)),
                entry("6894").subject().identifiers());
        assertEquals(List.of(new Identifier("Passport", "28642163", null, null),
                new Identifier("Passport", "954242", null, null),
                new Identifier("National Identification Number", "1336597587", null, null)),
                entry("7059").subject().identifiers(), "dates and words between the numbers are no numbers");
    }

    @Test
    void a_utf8_file_without_the_last_updated_line_is_refused_at_line_1(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("ConList.csv");
        Files.writeString(other, "Name 6,Name 1\nX,Y\n", StandardCharsets.UTF_8);

        MalformedListException e = assertThrows(MalformedListException.class, () -> parse(other));
        assertEquals(1, e.line());
    }

    @Test
    void windows_1252_characters_are_read_as_such() throws IOException {
        boolean anyReplacement = parse(FIXTURE).entries().stream()
                .anyMatch(e -> e.draft().subject().name().contains("\uFFFD")
                        || e.draft().subject().aliases().stream().anyMatch(a -> a.name().contains("\uFFFD")));
        assertEquals(false, anyReplacement);
    }

    private ParsedList parse(Path file) throws IOException {
        return format.parse(Map.of("conlist.csv", file));
    }

    private DesignationDraft entry(String id) throws IOException {
        return parse(FIXTURE).entries().stream().map(ListEntry::draft).filter(d -> id.equals(d.sourceId()))
                .findFirst().orElseThrow();
    }
}

package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OFAC's SDN CSV files (a real subset of the July 2021 list) mapped to designation drafts. */
class OfacSdnCsvTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/ofac-sdn");
    private final OfacSdnCsv format = new OfacSdnCsv();

    @Test
    void every_row_of_sdn_csv_becomes_an_entry_keyed_by_ent_num() throws IOException {
        ParsedList parsed = format.parse(Map.of("sdn.csv", FIXTURE.resolve("sdn.csv")));

        assertEquals("US-OFAC-SDN", parsed.sourceList());
        assertEquals(35, parsed.entries().size());
        assertEquals(List.of(), parsed.rejections());
    }

    @Test
    void a_person_gets_birth_date_place_and_nationality_out_of_the_remarks() throws IOException {
        DesignationDraft wang = entry(format.parse(Map.of("sdn.csv", FIXTURE.resolve("sdn.csv"))), "31492");

        assertEquals("WANG, Junzheng", wang.subject().name());
        assertEquals(SubjectType.PERSON, wang.subject().type());
        assertEquals(List.of("GLOMAG"), wang.programs());
        assertEquals("US-OFAC", wang.authority());
        assertEquals(List.of("1963-05"), wang.subject().birthDates());
        assertEquals(List.of("Linyi City, Shandong Province, China"), wang.subject().placesOfBirth());
        assertEquals(List.of("CN"), wang.subject().nationalities());
        assertNull(wang.listedOn(), "sdn.csv carries no listing date");
    }

    @Test
    void passports_and_full_birth_dates_are_parsed_and_the_title_kept() throws IOException {
        DesignationDraft zawahiri = entry(format.parse(Map.of("sdn.csv", FIXTURE.resolve("sdn.csv"))), "2676");

        assertEquals(List.of("1951-06-19"), zawahiri.subject().birthDates());
        assertEquals("Passport", zawahiri.subject().identifiers().get(0).kind());
        assertEquals("1084010", zawahiri.subject().identifiers().get(0).number());
        assertEquals("EG", zawahiri.subject().identifiers().get(0).country());
        assertTrue(zawahiri.subject().remarks().startsWith("Title: Operational and Military Leader"));
    }

    @Test
    void a_vessel_gets_its_details_and_former_names() throws IOException {
        DesignationDraft vessel = entry(format.parse(Map.of("sdn.csv", FIXTURE.resolve("sdn.csv"))), "4243");

        assertEquals(SubjectType.VESSEL, vessel.subject().type());
        assertEquals("P3QG3", vessel.subject().vessel().callSign());
        assertEquals("CY", vessel.subject().vessel().flag());
        assertEquals(1116L, vessel.subject().vessel().grossTonnage());
        assertEquals("ANA I", vessel.subject().aliases().get(0).name());
        assertEquals(AliasKind.FKA, vessel.subject().aliases().get(0).kind());
    }

    @Test
    void alt_add_and_comments_files_add_aliases_addresses_and_the_rest_of_long_remarks() throws IOException {
        Map<String, Path> files = new HashMap<>();
        for (String name : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) {
            files.put(name, FIXTURE.resolve(name));
        }
        ParsedList parsed = format.parse(files);

        long withAliases = parsed.entries().stream().filter(e -> !e.draft().subject().aliases().isEmpty()).count();
        long withAddresses = parsed.entries().stream().filter(e -> !e.draft().subject().addresses().isEmpty()).count();
        assertTrue(withAliases >= 10, "aliases from alt.csv: " + withAliases);
        assertTrue(withAddresses >= 20, "addresses from add.csv: " + withAddresses);
        DesignationDraft continued = entry(parsed, "28264");
        assertTrue(continued.subject().remarks().contains("North Korea Sanctions Regulations"),
                "remarks continued in sdn_comments.csv");
    }

    @Test
    void several_programmes_in_one_field_are_split() {
        assertEquals(List.of("SDGT", "IFSR"), OfacSdnCsv.programmes("SDGT] [IFSR"));
        assertEquals(List.of("CUBA"), OfacSdnCsv.programmes("CUBA"));
    }

    @Test
    void a_file_of_another_format_is_refused_with_the_line_at_fault(@TempDir Path dir) throws IOException {
        Path csl = dir.resolve("sdn.csv");
        Files.writeString(csl, "_id,source,entity_number,type,programs,name\nabc,Entity List,,,,Hikvision\n");

        MalformedListException e = assertThrows(MalformedListException.class,
                () -> format.parse(Map.of("sdn.csv", csl)));
        assertEquals(1, e.line());
    }

    @Test
    void digital_currency_addresses_and_aircraft_numbers_become_identifiers(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("sdn.csv");
        Files.writeString(sdn, "25308,\"YAN, Xiaobing\",\"individual\",\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB 25 Mar 1977; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. "
                + "Digital Currency Address - XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo.\"\n"
                + "18150,\"MSN 391\",\"aircraft\",\"SDGT] [NPWMD] [IFSR\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"Aircraft Manufacture Date 2002; Aircraft Model Airbus A340-642; Aircraft Manufacturer's Serial "
                + "Number (MSN) 391; Aircraft Tail Number EP-MMH; Linked To: MAHAN AIR.\"\n");
        ParsedList parsed = format.parse(Map.of("sdn.csv", sdn));

        assertEquals(List.of(new Identifier("Digital Currency Address - XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
                null, null), new Identifier("Digital Currency Address - XBT", "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo",
                null, null)), entry(parsed, "25308").subject().identifiers());
        assertEquals(List.of(new Identifier("Aircraft Manufacturer's Serial Number (MSN)", "391", null, null),
                new Identifier("Aircraft Tail Number", "EP-MMH", null, null)),
                entry(parsed, "18150").subject().identifiers());
    }

    @Test
    void an_imo_company_number_is_an_identifier_of_its_own_kind(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("sdn.csv");
        Files.writeString(sdn, "17067,\"CHONGCHONGANG SHIPPING COMPANY LIMITED\",-0- ,\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "-0- ,-0- ,\"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and "
                + "510.210; Identification Number IMO 5342883.\"\n");

        assertEquals(List.of(new Identifier("IMO Company Number", "5342883", null, null)),
                entry(format.parse(Map.of("sdn.csv", sdn)), "17067").subject().identifiers());
    }

    @Test
    void a_passport_number_written_with_a_spaced_letter_is_one_number_and_words_are_none(@TempDir Path dir)
            throws IOException {
        Path sdn = dir.resolve("sdn.csv");
        Files.writeString(sdn, "6944,\"AL-SHARIF, Sa'd Abdullah Hussein\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,"
                + "-0- ,-0- ,-0- ,\"DOB 1969; nationality Saudi Arabia; Passport B 960789; alt. Passport G 649385 "
                + "issued 08 Sep 2006 expires 17 Jul 2011; U.S.A. Passport issued 21 Jun 1992 in Amman, Jordan.\"\n");

        assertEquals(List.of(new Identifier("Passport", "B 960789", null, null),
                new Identifier("Passport", "G 649385", null, null)),
                entry(format.parse(Map.of("sdn.csv", sdn)), "6944").subject().identifiers());
    }

    @Test
    void without_sdn_csv_nothing_is_parsed(@TempDir Path dir) {
        assertThrows(MalformedListException.class, () -> format.parse(Map.of("alt.csv", dir.resolve("alt.csv"))));
    }

    private static DesignationDraft entry(ParsedList parsed, String entNum) {
        return parsed.entries().stream().map(ListEntry::draft).filter(d -> entNum.equals(d.sourceId()))
                .findFirst().orElseThrow();
    }
}

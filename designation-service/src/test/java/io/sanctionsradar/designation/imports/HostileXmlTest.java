package io.sanctionsradar.designation.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every XML list format, fed its own fixture with a hostile DOCTYPE: entities that would expand to gigabytes
 * ("billion laughs") and an external entity pointing at a local file. Neither may expand: the import is refused
 * or the entity is left unread, quickly and in bounded memory.
 */
class HostileXmlTest {

    private static final String LAUGHS = "<!ENTITY lol \"lollollollollollollollollollol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">";

    static Stream<Arguments> formats() {
        Path lists = Path.of("src/test/resources/lists");
        return Stream.of(
                Arguments.of(new UnXml(), lists.resolve("un/consolidated.xml"), "consolidated.xml", "CONSOLIDATED_LIST", "<FIRST_NAME>"),
                Arguments.of(new OfacXml(), lists.resolve("ofac-xml/consolidated.xml"), "consolidated.xml", "sdnList", "<lastName>"),
                Arguments.of(new EuFsfXml(), lists.resolve("eu-fsf/data-v1.0.xml"), "data.xml", "WHOLE", "<WHOLENAME>"),
                Arguments.of(new CaSemaXml(), lists.resolve("ca-sema/sema-lmes.xml"), "sema-lmes.xml", "data-set", "<LastName>"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void entity_expansion_is_impossible(ListFormat format, Path fixture, String name, String root, String tag,
                                        @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path hostile = hostile(fixture, dir.resolve(name), root, LAUGHS, tag, "&lol9;");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertNoneContains(format, name, hostile, "lollol"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void an_external_entity_is_never_read(ListFormat format, Path fixture, String name, String root, String tag,
                                          @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRETVALUE");
        Path hostile = hostile(fixture, dir.resolve(name), root,
                "<!ENTITY s SYSTEM \"" + secret.toUri() + "\">", tag, "&s;");
        assertNoneContains(format, name, hostile, "TOPSECRETVALUE");
    }

    /** The fixture with a DOCTYPE after its XML declaration and the entity referenced in the first name. */
    private static Path hostile(Path fixture, Path target, String root, String entities, String tag,
                                String reference) throws Exception {
        String xml = Files.readString(fixture);
        int declarationEnd = xml.indexOf("?>") + 2;
        String withDoctype = xml.substring(0, declarationEnd) + "\n<!DOCTYPE " + root + " [" + entities + "]>"
                + xml.substring(declarationEnd);
        assertTrue(withDoctype.contains(tag), tag);
        Files.writeString(target, withDoctype.replaceFirst(tag, tag + reference));
        return target;
    }

    private static void assertNoneContains(ListFormat format, String name, Path file, String text) throws Exception {
        try {
            ParsedList parsed = format.parse(Map.of(name, file));
            parsed.entries().forEach(e -> assertTrue(!e.draft().toString().contains(text), e.draft().toString()));
        } catch (MalformedListException refused) {
            // refusing the whole file is just as safe
        }
    }
}

package io.sanctionsradar.matching.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UScript;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds a second held-out set from the UK's consolidated list (OFSI, 2025-04, "2022 format" xlsx): the list gives
 * many subjects a "Name Non-Latin Script" beside its Latin names (Cyrillic, Arabic script, Han, Hangul, Greek …).
 * The watchlist is the UK's own Latin names, one entry per Group ID ({@code matching/eval-uk/uk-2025-latin.jsonl.gz});
 * each distinct non-Latin name is a query that must find its group ({@code matching/eval-uk/uk-non-latin.jsonl}, family
 * = script). The link is the list's own: no matching decides it.
 *
 * <p>Usage: {@code UkNonLatinSet [ConList.xlsx] [out dir]}.
 */
public final class UkNonLatinSet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** One group: its type, Latin names in order, birth dates and non-Latin names. */
    private static final class Group {
        String type = "PERSON";
        final Set<String> latin = new LinkedHashSet<>();
        final Set<String> birthDates = new LinkedHashSet<>();
        final Set<String> nonLatin = new LinkedHashSet<>();
    }

    private UkNonLatinSet() {
    }

    public static void main(String[] args) throws Exception {
        Path xlsx = Path.of(args.length > 0 ? args[0]
                : "../../shared/data/lists/uk-ofsi-2025-04/ConList_2022format_2025-04-14.xlsx");
        Path out = Path.of(args.length > 1 ? args[1] : "src/test/resources/matching/eval-uk");
        Map<String, Group> groups = groups(rows(xlsx));
        Files.createDirectories(out);
        writeWatchlist(groups, out.resolve("uk-2025-latin.jsonl.gz"));
        int queries = writeQueries(groups, out.resolve("uk-non-latin.jsonl"));
        System.out.printf(Locale.ROOT, "%d groups, %d non-Latin names -> %s%n", groups.size(), queries, out);
    }

    private static Map<String, Group> groups(List<Map<String, String>> rows) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String id = r.getOrDefault("Group ID", "").strip();
            if (id.isEmpty()) {
                continue;
            }
            Group g = groups.computeIfAbsent(id, k -> new Group());
            String kind = r.getOrDefault("Group Type", "");
            g.type = kind.equalsIgnoreCase("Individual") ? "PERSON" : kind.equalsIgnoreCase("Ship") ? "VESSEL" : "ORGANIZATION";
            String latin = latinName(r, g.type);
            if (!latin.isBlank()) {
                g.latin.add(latin);
            }
            String dob = r.getOrDefault("DOB", "").strip();
            if (dob.matches("\\d\\d/\\d\\d/\\d{4}")) {
                g.birthDates.add(dob.substring(6) + "-" + dob.substring(3, 5) + "-" + dob.substring(0, 2));
            }
            String nonLatin = r.getOrDefault("Name Non-Latin Script", "").strip();
            if (!nonLatin.isEmpty()) {
                g.nonLatin.add(nonLatin);
            }
        }
        groups.values().removeIf(g -> g.latin.isEmpty());
        return groups;
    }

    /** "NAME 6, Name 1 … Name 5" for a person, Name 6 alone for an entity. */
    private static String latinName(Map<String, String> r, String type) {
        String last = r.getOrDefault("Name 6", "").strip();
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String p = r.getOrDefault("Name " + i, "").strip();
            if (!p.isEmpty()) {
                given.add(p);
            }
        }
        if (!type.equals("PERSON") || given.isEmpty()) {
            return last;
        }
        return last.isEmpty() ? String.join(" ", given) : last + ", " + String.join(" ", given);
    }

    private static void writeWatchlist(Map<String, Group> groups, Path file) throws Exception {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Group> e : groups.entrySet()) {
                Group g = e.getValue();
                ObjectNode d = JSON.createObjectNode();
                d.put("designationId", "uk-" + e.getKey());
                d.put("sourceId", e.getKey());
                ObjectNode s = d.putObject("subject");
                List<String> names = new ArrayList<>(g.latin);
                s.put("name", names.get(0));
                s.put("type", g.type.equals("VESSEL") ? "ORGANIZATION" : g.type);
                ArrayNode aliases = s.putArray("aliases");
                names.subList(1, names.size()).forEach(n -> aliases.addObject().put("kind", "AKA").put("name", n));
                g.birthDates.forEach(s.putArray("birthDates")::add);
                w.write(JSON.writeValueAsString(d));
                w.write('\n');
            }
        }
    }

    private static int writeQueries(Map<String, Group> groups, Path file) throws Exception {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            int k = 0;
            for (String name : e.getValue().nonLatin) {
                ObjectNode q = JSON.createObjectNode();
                q.put("qid", "uk-" + e.getKey() + "-" + (++k));
                q.put("name", name);
                q.put("type", e.getValue().type.equals("PERSON") ? "PERSON" : "ORGANIZATION");
                q.putArray("expect").add(e.getKey());
                q.put("family", scriptOf(name));
                q.put("why", new ArrayList<>(e.getValue().latin).get(0));
                b.append(JSON.writeValueAsString(q)).append('\n');
                n++;
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return n;
    }

    /** Script of the name's letters: the first one that is not Latin or common, else "latin". */
    private static String scriptOf(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int script = UScript.getScript(cp);
            if (Character.isLetter(cp) && script != UScript.LATIN && script != UScript.COMMON) {
                return UScript.getName(script).toLowerCase(Locale.ROOT);
            }
        }
        return "latin";
    }

    /** Rows of the first sheet below the header row (the one naming "Group ID"), by header. */
    private static List<Map<String, String>> rows(Path xlsx) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            List<String> shared = new ArrayList<>();
            NodeList si = parse(zip, "xl/sharedStrings.xml").getElementsByTagNameNS(MAIN, "si");
            for (int i = 0; i < si.getLength(); i++) {
                NodeList t = ((Element) si.item(i)).getElementsByTagNameNS(MAIN, "t");
                StringBuilder s = new StringBuilder();
                for (int j = 0; j < t.getLength(); j++) {
                    s.append(t.item(j).getTextContent());
                }
                shared.add(s.toString());
            }
            NodeList rows = parse(zip, "xl/worksheets/sheet1.xml").getElementsByTagNameNS(MAIN, "row");
            Map<String, String> header = null;
            List<Map<String, String>> out = new ArrayList<>();
            for (int i = 0; i < rows.getLength(); i++) {
                Map<String, String> cells = cells((Element) rows.item(i), shared);
                if (header == null) {
                    header = cells.containsValue("Group ID") ? cells : null;
                    continue;
                }
                Map<String, String> byName = new HashMap<>();
                for (Map.Entry<String, String> h : header.entrySet()) {
                    byName.put(h.getValue(), cells.getOrDefault(h.getKey(), ""));
                }
                out.add(byName);
            }
            return out;
        }
    }

    private static Map<String, String> cells(Element row, List<String> shared) {
        Map<String, String> cells = new HashMap<>();
        NodeList cs = row.getElementsByTagNameNS(MAIN, "c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            NodeList v = c.getElementsByTagNameNS(MAIN, "v");
            String text = v.getLength() == 0 ? "" : v.item(0).getTextContent();
            if ("s".equals(c.getAttribute("t")) && !text.isEmpty()) {
                text = shared.get(Integer.parseInt(text));
            }
            cells.put(c.getAttribute("r").replaceAll("\\d", ""), text == null ? "" : text.strip());
        }
        return cells;
    }

    private static Document parse(ZipFile zip, String entry) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return f.newDocumentBuilder().parse(in);
        }
    }
}

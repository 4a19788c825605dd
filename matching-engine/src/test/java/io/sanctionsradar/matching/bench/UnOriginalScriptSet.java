package io.sanctionsradar.matching.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds the held-out set {@code matching/eval/un-original-script.jsonl}: every NAME_ORIGINAL_SCRIPT of a UN entry
 * linked to the same subject on the committed CSL fixture, plus short names in Arabic and Han script that are not
 * listed. The link is strict: a Latin UN name (FIRST…FOURTH_NAME, an entity's names split at " / ", or a good-quality
 * alias) equals a CSL name or alias word for word (order, case, punctuation and diacritics aside), the types agree,
 * and where both sides give birth years they share one (always, for a person linked by an alias); a link through an
 * alias also needs a word of the UN entry's own name in the CSL record, since that is the name the script writes.
 * The CSL of 2022 carries no UN reference numbers, so the name is the link.
 *
 * <p>Usage: {@code UnOriginalScriptSet [consolidated.xml] [out.jsonl]}; defaults to the shared UN 2026-02 list and
 * the test resource.
 */
public final class UnOriginalScriptSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CSL subject: its source id, type, birth years and every name as a sorted word list. */
    private record Listed(String sourceId, String type, Set<String> years, List<String> keys) {
    }

    /**
     * Short names of ordinary people in Arabic and Han script, each with its usual Latin reading; a name is kept as a
     * negative only if no CSL name holds every word of that reading (so it is not listed).
     */
    private static final String[][] UNLISTED = {
            {"arabic-unlisted", "سمير حداد", "samir haddad"},
            {"arabic-unlisted", "ليلى خوري", "layla khoury"},
            {"arabic-unlisted", "كريم نصار", "karim nassar"},
            {"arabic-unlisted", "رنا عيسى", "rana issa"},
            {"arabic-unlisted", "هالة يوسف", "hala youssef"},
            {"arabic-unlisted", "فادي سلامة", "fadi salameh"},
            {"arabic-unlisted", "نادين شاهين", "nadine shahin"},
            {"arabic-unlisted", "طارق بكر", "tariq bakr"},
            {"arabic-unlisted", "منى فرح", "mona farah"},
            {"arabic-unlisted", "وليد عثمان", "walid osman"},
            {"arabic-unlisted", "سلمى حداد", "salma haddad"},
            {"arabic-unlisted", "باسل قاسم", "basel qasem"},
            {"arabic-unlisted", "ريم عاشور", "reem ashour"},
            {"arabic-unlisted", "جورج خليل", "george khalil"},
            {"arabic-unlisted", "عمر شريف", "omar sharif"},
            {"arabic-unlisted", "نور الهدى", "nour al huda"},
            {"arabic-unlisted", "أمل صالح", "amal saleh"},
            {"arabic-unlisted", "زياد رحمة", "ziad rahma"},
            {"arabic-unlisted", "دينا مراد", "dina murad"},
            {"arabic-unlisted", "ماهر عزام", "maher azzam"},
            {"arabic-unlisted", "علي", "ali"},
            {"arabic-unlisted", "محمد", "muhammad"},
            {"arabic-unlisted", "حسن", "hassan"},
            {"arabic-unlisted", "مريم", "maryam"},
            {"arabic-unlisted", "شركة النور", "nour company"},
            {"arabic-unlisted", "مؤسسة الأمل", "amal foundation"},
            {"arabic-unlisted", "پرویز رضایی", "parviz rezaei"},
            {"arabic-unlisted", "مهسا کریمی", "mahsa karimi"},
            {"arabic-unlisted", "عمران شاہ", "imran shah"},
            {"arabic-unlisted", "سارہ خان", "sara khan"},
            {"han-unlisted", "李伟", "li wei"},
            {"han-unlisted", "王芳", "wang fang"},
            {"han-unlisted", "张丽", "zhang li"},
            {"han-unlisted", "刘洋", "liu yang"},
            {"han-unlisted", "陈静", "chen jing"},
            {"han-unlisted", "杨敏", "yang min"},
            {"han-unlisted", "赵磊", "zhao lei"},
            {"han-unlisted", "黄丽娟", "huang li juan"},
            {"han-unlisted", "周杰", "zhou jie"},
            {"han-unlisted", "吴晓明", "wu xiao ming"},
            {"han-unlisted", "林", "lin"},
            {"han-unlisted", "金敏", "jin min"},
    };

    private UnOriginalScriptSet() {
    }

    public static void main(String[] args) throws Exception {
        Path xml = Path.of(args.length > 0 ? args[0] : "../../shared/data/lists/un-2026-02/consolidated.xml");
        Path out = Path.of(args.length > 1 ? args[1] : "src/test/resources/matching/eval/un-original-script.jsonl");
        List<Listed> csl = readCsl();
        Map<String, List<Listed>> byKey = new HashMap<>();
        for (Listed l : csl) {
            for (String k : l.keys()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(l);
            }
        }
        StringBuilder b = new StringBuilder();
        int linked = 0, unlinked = 0;
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        for (String kind : List.of("INDIVIDUAL", "ENTITY")) {
            NodeList subjects = root.getElementsByTagName(kind);
            for (int i = 0; i < subjects.getLength(); i++) {
                Element e = (Element) subjects.item(i);
                String original = text(e, "NAME_ORIGINAL_SCRIPT");
                if (original.isBlank() || scriptOf(original).equals("latin")) {
                    continue; // one UN "original script" name is written in Latin letters: nothing to learn
                }
                Set<String> expect = link(e, kind, byKey);
                if (expect.isEmpty()) {
                    unlinked++;
                    continue;
                }
                linked++;
                ObjectNode n = JSON.createObjectNode();
                n.put("qid", "un-" + text(e, "DATAID"));
                n.put("name", original.strip());
                n.put("type", kind.equals("INDIVIDUAL") ? "PERSON" : "ORGANIZATION");
                expect.forEach(n.putArray("expect")::add);
                n.put("family", scriptOf(original));
                n.put("why", text(e, "REFERENCE_NUMBER") + " " + String.join(" ", latinNames(e, kind).get(0)));
                b.append(JSON.writeValueAsString(n)).append('\n');
            }
        }
        int negatives = appendUnlisted(b, csl);
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d linked, %d original-script names without a CSL link, %d unlisted names -> %s%n",
                linked, unlinked, negatives, out);
    }

    /** CSL source ids whose names equal one of the UN entry's Latin names, with agreeing type and birth years. */
    private static Set<String> link(Element e, String kind, Map<String, List<Listed>> byKey) {
        String type = kind.equals("INDIVIDUAL") ? "PERSON" : "ORGANIZATION";
        Set<String> years = kind.equals("INDIVIDUAL") ? unBirthYears(e) : Set.of();
        Set<String> ids = new TreeSet<>();
        List<List<String>> names = latinNames(e, kind);
        for (int n = 0; n < names.size(); n++) {
            String key = key(String.join(" ", names.get(n)));
            if (key.indexOf(' ') < 0 && key.length() < 6) {
                continue; // one short word (an acronym) is no link
            }
            boolean alias = n >= primaryNames(e, kind);
            for (Listed l : byKey.getOrDefault(key, List.of())) {
                boolean bothDated = !years.isEmpty() && !l.years().isEmpty();
                boolean yearsAgree = bothDated ? l.years().stream().anyMatch(years::contains)
                        : !alias || kind.equals("ENTITY");
                boolean ownNameListed = !alias || carriesAWordOf(l, names.subList(0, primaryNames(e, kind)));
                if (l.type().equals(type) && yearsAgree && ownNameListed) {
                    ids.add(l.sourceId());
                }
            }
        }
        return ids;
    }

    /**
     * Whether a CSL entry linked through an alias also carries a word (four letters or more) of the UN entry's own
     * name, the name the original script writes: "Sayf al-Adl" is Mohammed Salah al-Din Zidan, but a record that only
     * knows the nom de guerre cannot be found by his real name, whatever the matcher.
     */
    private static boolean carriesAWordOf(Listed l, List<List<String>> ownNames) {
        Set<String> own = new HashSet<>();
        for (List<String> name : ownNames) {
            for (String w : key(String.join(" ", name)).split(" ")) {
                if (w.length() >= 4) {
                    own.add(w);
                }
            }
        }
        return l.keys().stream().flatMap(k -> Arrays.stream(k.split(" "))).anyMatch(own::contains);
    }

    /**
     * How many of {@link #latinNames} are the entry's own name (not aliases): an alias ("Abu Turab") is shared by
     * several people, so it links a person only with a birth year on both sides that agrees.
     */
    private static int primaryNames(Element e, String kind) {
        return kind.equals("INDIVIDUAL") ? 1 : text(e, "FIRST_NAME").split(" / ").length;
    }

    /** The primary Latin name first, then an entity's other names (" / "), then aliases of good quality. */
    private static List<List<String>> latinNames(Element e, String kind) {
        List<List<String>> names = new ArrayList<>();
        if (kind.equals("INDIVIDUAL")) {
            List<String> parts = new ArrayList<>();
            for (String tag : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                String p = text(e, tag).strip();
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            names.add(parts);
        } else {
            for (String p : text(e, "FIRST_NAME").split(" / ")) {
                names.add(List.of(p.strip()));
            }
        }
        NodeList aliases = e.getElementsByTagName(kind + "_ALIAS");
        for (int i = 0; i < aliases.getLength(); i++) {
            Element a = (Element) aliases.item(i);
            String quality = text(a, "QUALITY");
            String alias = text(a, "ALIAS_NAME").strip();
            if (!alias.isEmpty() && (quality.equalsIgnoreCase("Good") || quality.equalsIgnoreCase("a.k.a."))) {
                names.add(List.of(alias));
            }
        }
        return names;
    }

    private static Set<String> unBirthYears(Element e) {
        Set<String> years = new HashSet<>();
        NodeList dobs = e.getElementsByTagName("INDIVIDUAL_DATE_OF_BIRTH");
        for (int i = 0; i < dobs.getLength(); i++) {
            Element d = (Element) dobs.item(i);
            String date = text(d, "DATE");
            String year = !date.isBlank() ? date.substring(0, 4) : text(d, "YEAR");
            if (!year.isBlank()) {
                years.add(year.strip());
            }
            String from = text(d, "FROM_YEAR"), to = text(d, "TO_YEAR");
            if (!from.isBlank() && !to.isBlank()) {
                for (int y = Integer.parseInt(from.strip()); y <= Integer.parseInt(to.strip()); y++) {
                    years.add(Integer.toString(y));
                }
            }
        }
        return years;
    }

    /** Each word of the reading must be a word of one CSL name for the name to count as listed. */
    private static int appendUnlisted(StringBuilder b, List<Listed> csl) throws IOException {
        int kept = 0;
        for (String[] u : UNLISTED) {
            List<String> words = Arrays.asList(u[2].split(" "));
            boolean listed = csl.stream().flatMap(l -> l.keys().stream())
                    .anyMatch(k -> Arrays.asList(k.split(" ")).containsAll(words));
            if (listed) {
                System.out.println("dropped (listed words): " + u[1] + " " + u[2]);
                continue;
            }
            ObjectNode n = JSON.createObjectNode();
            n.put("qid", u[0] + "-" + (++kept));
            n.put("name", u[1]);
            n.putNull("type");
            n.putArray("expect");
            n.put("family", u[0]);
            n.put("why", "not listed: " + u[2]);
            b.append(JSON.writeValueAsString(n)).append('\n');
        }
        return kept;
    }

    private static List<Listed> readCsl() throws IOException {
        List<Listed> out = new ArrayList<>();
        try (InputStream in = UnOriginalScriptSet.class.getResourceAsStream("/matching/us-csl-2022.jsonl.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode d = JSON.readTree(line);
                JsonNode s = d.path("subject");
                List<String> keys = new ArrayList<>();
                keys.add(key(s.path("name").asText()));
                s.path("aliases").forEach(a -> keys.add(key(a.path("name").asText())));
                Set<String> years = new HashSet<>();
                s.path("birthDates").forEach(y -> years.add(y.asText().substring(0, 4)));
                out.add(new Listed(d.path("sourceId").asText(), s.path("type").asText(), years, keys));
            }
        }
        return out;
    }

    /** Words of a Latin name, lower case without diacritics or apostrophes, sorted: order and punctuation aside. */
    static String key(String name) {
        String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("['`’‘ʻʼ]", "").replaceAll("[^a-z0-9]+", " ").strip();
        String[] words = s.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    /** Script family of the first letter that is not Latin or common ("arabic", "cyrillic", "han" …). */
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

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n.getParentNode() == e) {
                return n.getTextContent() == null ? "" : n.getTextContent();
            }
        }
        return "";
    }
}

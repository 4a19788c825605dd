package io.sanctionsradar.matching.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Builds the held-out set {@code matching/eval/variants.jsonl} from the committed CSL fixture with a fixed seed:
 * twelve families of variants of listed names (expecting the entry made from, plus any entry carrying the same name)
 * and four families of negatives checked against the list ({@link HeldOutNegatives}). Never tune on its output.
 *
 * <p>Usage: {@code HeldOutVariants [out.jsonl]}; defaults to the test resource (run from matching-engine).
 */
public final class HeldOutVariants {

    static final long SEED = 26;
    static final int PER_FAMILY = 190;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CSL entry: source id, type, primary name, every name's normalized tokens, address countries. */
    record Listed(String sourceId, String type, String name, List<List<String>> names, Set<String> countries) {
    }

    /** One generated query line. */
    record Variant(String name, String type, List<String> expect, String family, String why) {
    }

    static final Map<String, List<String>> LEGAL_FORMS = Map.of(
            "llc", List.of("LLC", "Limited Liability Company", "OOO", "L.L.C."),
            "ltd", List.of("Ltd", "Limited", "Ltd."),
            "co ltd", List.of("Co Ltd", "Co., Ltd.", "Company Limited"),
            "jsc", List.of("JSC", "Joint Stock Company", "AO", "OJSC"),
            "gmbh", List.of("GmbH", "G.m.b.H."),
            "inc", List.of("Inc", "Incorporated", "Inc."),
            "corp", List.of("Corp", "Corporation"),
            "sa", List.of("SA", "S.A."));

    private static final String[] DESCRIPTORS = {"GROUP", "ORGANIZATION", "MOVEMENT", "NETWORK", "COMPANY"};
    private static final Map<String, String> ADJECTIVES = Map.ofEntries(Map.entry("AF", "AFGHAN"),
            Map.entry("RU", "RUSSIAN"), Map.entry("CN", "CHINESE"), Map.entry("IR", "IRANIAN"), Map.entry("SY", "SYRIAN"),
            Map.entry("IQ", "IRAQI"), Map.entry("LB", "LEBANESE"), Map.entry("PK", "PAKISTANI"), Map.entry("AE", "EMIRATI"),
            Map.entry("TR", "TURKISH"), Map.entry("KP", "NORTH KOREAN"), Map.entry("YE", "YEMENI"), Map.entry("HK", "HONG KONG"),
            Map.entry("BY", "BELARUSIAN"), Map.entry("UA", "UKRAINIAN"), Map.entry("SO", "SOMALI"), Map.entry("VE", "VENEZUELAN"),
            Map.entry("MX", "MEXICAN"), Map.entry("CO", "COLOMBIAN"), Map.entry("SD", "SUDANESE"), Map.entry("LY", "LIBYAN"));
    /** Romanization swaps as (regex, replacement); each applied to the first place it fits. */
    private static final String[][] ROMANIZATIONS = {{"y", "j"}, {"ov\\b", "off"}, {"ov\\b", "ow"}, {"kh", "h"},
            {"ou", "u"}, {"ee", "i"}, {"q", "k"}, {"dh", "z"}, {"\\bal-", "el-"}, {"\\bel-", "al-"}, {"ev\\b", "ew"}};

    private HeldOutVariants() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/matching/eval/variants.jsonl");
        List<Listed> list = load();
        List<Variant> all = new ArrayList<>(positives(list, new Random(SEED)));
        all.addAll(new HeldOutNegatives(list, new Random(SEED + 1)).all());
        StringBuilder b = new StringBuilder();
        Map<String, Integer> seq = new HashMap<>();
        for (Variant v : all) {
            ObjectNode n = JSON.createObjectNode();
            n.put("qid", "v-" + v.family() + "-" + seq.merge(v.family(), 1, Integer::sum));
            n.put("name", v.name());
            n.put("type", v.type());
            v.expect().forEach(n.putArray("expect")::add);
            if (v.expect().isEmpty()) {
                n.putArray("expect");
            }
            n.put("family", v.family());
            n.put("why", v.why());
            b.append(JSON.writeValueAsString(n)).append('\n');
        }
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        System.out.println(all.size() + " queries -> " + out + " " + seq);
    }

    static List<Listed> load() throws IOException {
        List<Listed> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(HeldOutVariants.class.getResourceAsStream("/matching/us-csl-2022.jsonl.gz"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode d = JSON.readTree(line);
                JsonNode s = d.path("subject");
                List<List<String>> names = new ArrayList<>();
                names.add(tokens(s.path("name").asText()));
                s.path("aliases").forEach(a -> names.add(tokens(a.path("name").asText())));
                Set<String> countries = new TreeSet<>();
                s.path("addresses").forEach(a -> countries.add(a.path("country").asText("")));
                s.path("nationalities").forEach(c -> countries.add(c.asText()));
                out.add(new Listed(d.path("sourceId").asText(), s.path("type").asText(), s.path("name").asText(), names,
                        countries));
            }
        }
        return out;
    }

    /** Lower case, no diacritics, every run of non-letters or digits a single space. */
    static List<String> tokens(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    static String key(List<String> tokens) {
        return String.join(" ", new TreeSet<>(tokens));
    }

    /** "FAMILY, Given Middle" as "Given Middle FAMILY"; other names unchanged. */
    static String natural(String name) {
        int comma = name.indexOf(',');
        return comma < 0 ? name : (name.substring(comma + 1).trim() + " " + name.substring(0, comma).trim()).trim();
    }

    private static List<Variant> positives(List<Listed> list, Random rnd) {
        Map<String, List<String>> idsByKey = new HashMap<>();
        Map<String, Set<String>> carriers = new HashMap<>();
        for (Listed l : list) {
            for (List<String> n : l.names()) {
                idsByKey.computeIfAbsent(key(n), k -> new ArrayList<>()).add(l.sourceId());
                n.forEach(t -> carriers.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(l.sourceId()));
            }
        }
        Function<Listed, List<String>> expect = l -> idsByKey.get(key(l.names().get(0))).stream().distinct().toList();
        List<Variant> out = new ArrayList<>();
        family(out, list, rnd, "word_order", l -> wordOrder(l, rnd), expect);
        family(out, list, rnd, "typo", l -> typo(l, rnd, 7, 99), expect);
        family(out, list, rnd, "typo_short", l -> typo(l, rnd, 4, 6), expect);
        family(out, list, rnd, "middle_dropped", HeldOutVariants::middleDropped,
                l -> carrying(list, tokens(middleDropped(l)), expect.apply(l)));
        family(out, list, rnd, "legal_form", l -> legalForm(l, rnd), expect);
        family(out, list, rnd, "split", l -> split(l, rnd), expect);
        family(out, list, rnd, "join", l -> join(l, rnd), expect);
        family(out, list, rnd, "glued_person", l -> gluedPerson(l, rnd), expect);
        family(out, list, rnd, "legal_form_glued", HeldOutVariants::legalFormGlued, expect);
        family(out, list, rnd, "descriptor", l -> descriptor(l, rnd), expect);
        family(out, list, rnd, "distinctive_alone", l -> distinctive(l, carriers),
                l -> List.copyOf(carriers.get(distinctive(l, carriers).toLowerCase(Locale.ROOT))));
        family(out, list, rnd, "romanization", l -> romanization(l, rnd), expect);
        return out;
    }

    /** The given ids plus every entry with a name holding all the words (another "Haji BARAKZAI …" is as right). */
    private static List<String> carrying(List<Listed> list, List<String> words, List<String> ids) {
        Set<String> out = new LinkedHashSet<>(ids);
        list.stream().filter(l -> l.names().stream().anyMatch(n -> n.containsAll(words))).forEach(l -> out.add(l.sourceId()));
        return List.copyOf(out);
    }

    /** Up to PER_FAMILY variants from a seeded shuffle of the list; a null variant skips the entry. */
    private static void family(List<Variant> out, List<Listed> list, Random rnd, String family,
                               Function<Listed, String> variant, Function<Listed, List<String>> expect) {
        List<Listed> order = new ArrayList<>(list);
        Collections.shuffle(order, rnd);
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (Listed l : order) {
            if (n >= PER_FAMILY) {
                break;
            }
            String v = tokens(l.name()).isEmpty() ? null : variant.apply(l);
            if (v != null && !v.isBlank() && !tokens(v).equals(tokens(l.name())) && !tokens(v).equals(tokens(natural(l.name())))
                    && seen.add(v.toLowerCase(Locale.ROOT))) {
                out.add(new Variant(v, rnd.nextBoolean() ? l.type() : null, expect.apply(l), family, "from " + l.name()));
                n++;
            }
        }
    }

    private static String wordOrder(Listed l, Random rnd) {
        List<String> w = new ArrayList<>(List.of(natural(l.name()).split("\\s+")));
        if (w.size() < 2 || w.size() > 4) {
            return null;
        }
        List<String> orig = List.copyOf(w);
        for (int i = 0; i < 5 && w.equals(orig); i++) {
            Collections.shuffle(w, rnd);
        }
        return w.equals(orig) || w.equals(List.of(l.name().split("[,\\s]+"))) ? null : String.join(" ", w);
    }

    /** Doubled, dropped, transposed or substituted letter inside one token of the given length (not its first). */
    private static String typo(Listed l, Random rnd, int min, int max) {
        String[] w = natural(l.name()).split("\\s+");
        if (w.length < 2) {
            return null;
        }
        List<Integer> fit = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i].length() >= min && w[i].length() <= max && w[i].chars().allMatch(Character::isLetter)) {
                fit.add(i);
            }
        }
        if (fit.isEmpty()) {
            return null;
        }
        int i = fit.get(rnd.nextInt(fit.size()));
        String t = w[i];
        int p = 1 + rnd.nextInt(t.length() - 2);
        w[i] = switch (rnd.nextInt(4)) {
            case 0 -> t.substring(0, p + 1) + t.charAt(p) + t.substring(p + 1);
            case 1 -> t.substring(0, p) + t.substring(p + 1);
            case 2 -> t.substring(0, p) + t.charAt(p + 1) + t.charAt(p) + t.substring(p + 2);
            default -> t.substring(0, p) + substitute(t.charAt(p), rnd) + t.substring(p + 1);
        };
        return String.join(" ", w);
    }

    private static char substitute(char c, Random rnd) {
        String letters = Character.isUpperCase(c) ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "abcdefghijklmnopqrstuvwxyz";
        char s = letters.charAt(rnd.nextInt(26));
        return s == c ? letters.charAt((letters.indexOf(c) + 1) % 26) : s;
    }

    /** A person listed "FAMILY, Given Middle…" without one of the given names after the first. */
    private static String middleDropped(Listed l) {
        int comma = l.name().indexOf(',');
        if (!l.type().equals("PERSON") || comma < 0) {
            return null;
        }
        String[] given = l.name().substring(comma + 1).trim().split("\\s+");
        if (given.length < 2) {
            return null;
        }
        List<String> kept = new ArrayList<>(List.of(given));
        kept.remove(given.length - 1);
        return String.join(" ", kept) + " " + l.name().substring(0, comma).trim();
    }

    private static String legalForm(Listed l, Random rnd) {
        if (!l.type().equals("ORGANIZATION")) {
            return null;
        }
        String lower = " " + String.join(" ", tokens(l.name())) + " ";
        for (Map.Entry<String, List<String>> f : new java.util.TreeMap<>(LEGAL_FORMS).descendingMap().entrySet()) {
            for (String form : f.getValue()) {
                String suffix = " " + String.join(" ", tokens(form)) + " ";
                if (lower.endsWith(suffix) && tokens(l.name()).size() > tokens(form).size()) {
                    String stem = String.join(" ", tokens(l.name()).subList(0, tokens(l.name()).size() - tokens(form).size()))
                            .toUpperCase(Locale.ROOT);
                    List<String> others = f.getValue().stream().filter(o -> !tokens(o).equals(tokens(form))).toList();
                    return rnd.nextInt(3) == 0 ? stem : stem + " " + others.get(rnd.nextInt(others.size()));
                }
            }
        }
        return tokens(l.name()).size() >= 2 && rnd.nextInt(3) == 0 ? l.name() + (rnd.nextBoolean() ? " LLC" : " Co Ltd") : null;
    }

    private static String split(Listed l, Random rnd) {
        String[] w = natural(l.name()).split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if (w[i].length() >= 8 && w[i].chars().allMatch(Character::isLetter)) {
                int p = 3 + rnd.nextInt(w[i].length() - 5);
                w[i] = w[i].substring(0, p) + " " + w[i].substring(p);
                return String.join(" ", w);
            }
        }
        return null;
    }

    private static String join(Listed l, Random rnd) {
        String[] w = natural(l.name()).split("\\s+");
        if (w.length < 2) {
            return null;
        }
        int i = rnd.nextInt(w.length - 1);
        if (w[i].length() < 3 || w[i + 1].length() < 3 || isLegalForm(w[i + 1])) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(w));
        out.set(i, w[i] + w[i + 1]);
        out.remove(i + 1);
        return String.join(" ", out);
    }

    /** Given and family name of a two-name person glued: "VladimirPutin", "vladimirputin", "Vladimir-Putin". */
    private static String gluedPerson(Listed l, Random rnd) {
        String[] w = natural(l.name()).split("\\s+");
        if (!l.type().equals("PERSON") || w.length != 2 || w[0].length() < 3 || w[1].length() < 3) {
            return null;
        }
        String given = cap(w[0]), family = cap(w[1]);
        return switch (rnd.nextInt(3)) {
            case 0 -> given + family;
            case 1 -> (given + family).toLowerCase(Locale.ROOT);
            default -> given + "-" + family;
        };
    }

    /** A leading or trailing legal form written onto the name: "JSCSOVCOMFLOT", "ACMELLC". */
    private static String legalFormGlued(Listed l) {
        String[] w = l.name().trim().split("\\s+");
        if (!l.type().equals("ORGANIZATION") || w.length < 2) {
            return null;
        }
        if (isLegalForm(w[0]) && w[1].length() >= 4) {
            return w[0].replace(".", "") + w[1] + rest(w, 2, w.length);
        }
        int last = w.length - 1;
        if (isLegalForm(w[last]) && w[last - 1].length() >= 4) {
            return (rest(w, 0, last - 1) + " " + w[last - 1] + w[last].replace(".", "")).trim();
        }
        return null;
    }

    private static String descriptor(Listed l, Random rnd) {
        if (!l.type().equals("ORGANIZATION") || tokens(l.name()).size() > 4) {
            return null;
        }
        String adjective = l.countries().stream().map(ADJECTIVES::get).filter(a -> a != null).findFirst().orElse(null);
        if (adjective != null && rnd.nextBoolean()) {
            return adjective + " " + l.name();
        }
        return l.name() + " " + DESCRIPTORS[rnd.nextInt(DESCRIPTORS.length)];
    }

    /** The rarest token (5+ letters) of a multi-word name, when 1–5 entries carry it; deterministic per entry. */
    private static String distinctive(Listed l, Map<String, Set<String>> carriers) {
        List<String> t = tokens(l.name());
        if (t.size() < 2) {
            return null;
        }
        return t.stream().filter(x -> x.length() >= 5 && x.chars().allMatch(Character::isLetter) && !isLegalForm(x))
                .filter(x -> carriers.get(x).size() <= 5)
                .min((a, b) -> carriers.get(a).size() != carriers.get(b).size()
                        ? carriers.get(a).size() - carriers.get(b).size() : a.compareTo(b))
                .map(HeldOutVariants::cap).orElse(null);
    }

    private static String romanization(Listed l, Random rnd) {
        String lower = natural(l.name()).toLowerCase(Locale.ROOT);
        List<String[]> fit = new ArrayList<>();
        for (String[] r : ROMANIZATIONS) {
            if (java.util.regex.Pattern.compile(r[0]).matcher(lower).find() && (r[0].length() > 1 || l.type().equals("PERSON"))) {
                fit.add(r);
            }
        }
        if (fit.isEmpty()) {
            return null;
        }
        String[] r = fit.get(rnd.nextInt(fit.size()));
        return lower.replaceFirst(r[0], r[1]).toUpperCase(Locale.ROOT);
    }

    static boolean isLegalForm(String word) {
        String t = String.join(" ", tokens(word));
        return LEGAL_FORMS.values().stream().flatMap(List::stream).anyMatch(f -> String.join(" ", tokens(f)).equals(t))
                || Set.of("co", "company", "limited", "llp", "plc", "pjsc", "ojsc", "cjsc", "zao", "oao", "bv", "ag")
                .contains(t);
    }

    static String cap(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String rest(String[] w, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(' ').append(w[i]);
        }
        return from == 0 ? b.toString().trim() : b.toString();
    }
}

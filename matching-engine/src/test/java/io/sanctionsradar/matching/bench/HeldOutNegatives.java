package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.bench.HeldOutVariants.Listed;
import io.sanctionsradar.matching.bench.HeldOutVariants.Variant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sanctionsradar.matching.bench.HeldOutVariants.PER_FAMILY;
import static io.sanctionsradar.matching.bench.HeldOutVariants.cap;
import static io.sanctionsradar.matching.bench.HeldOutVariants.isLegalForm;
import static io.sanctionsradar.matching.bench.HeldOutVariants.key;
import static io.sanctionsradar.matching.bench.HeldOutVariants.natural;
import static io.sanctionsradar.matching.bench.HeldOutVariants.tokens;

/**
 * Names that must match nothing, each checked against every name of the list: no listed name has the same words,
 * and (for generic and common names) no listed name's words are all inside the query or the query's inside it.
 */
final class HeldOutNegatives {

    private static final String[] GIVEN = {"John", "Maria", "David", "Anna", "James", "Elena", "Michael", "Sarah",
            "Carlos", "Ana", "Jose", "Laura", "Peter", "Olga", "Thomas", "Irina", "Robert", "Natalia", "Daniel", "Julia",
            "Juan", "Sofia", "Paul", "Emma", "Mark", "Linda", "Wei", "Li", "Hiroshi", "Yuki", "Ahmed", "Fatima", "Omar",
            "Layla", "Hans", "Ingrid", "Pierre", "Claire", "Luca", "Giulia", "Jan", "Eva", "Mehmet", "Ayse", "Raj", "Priya"};
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Martin",
            "Muller", "Schmidt", "Schneider", "Fischer", "Rossi", "Russo", "Bianchi", "Dubois", "Moreau", "Kowalski",
            "Nowak", "Ivanova", "Smirnova", "Yilmaz", "Kaya", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Nguyen",
            "Tran", "Silva", "Santos", "Pereira", "Jensen", "Hansen", "Nielsen", "Patel", "Sharma", "Singh"};
    private static final String[] PATRONYMICS = {"Aleksandrovich", "Sergeyevich", "Nikolayevich", "Vladimirovich",
            "Petrovich", "Ivanovich", "Mikhailovich", "Andreyevich", "Borisovich", "Dmitriyevich", "Yuryevich",
            "Olegovich", "Viktorovich", "Gennadyevich", "Anatolyevich"};
    private static final String[] PATRONYMICS_F = {"Aleksandrovna", "Sergeyevna", "Nikolayevna", "Vladimirovna",
            "Petrovna", "Ivanovna", "Mikhailovna", "Andreyevna", "Borisovna", "Dmitriyevna", "Yuryevna", "Olegovna"};
    /** Words of spelled-out legal forms: "Liability Stock JSC" is not a company name. */
    private static final Set<String> LEGAL_FORM_WORDS = Set.of("liability", "stock", "joint", "public", "closed", "open",
            "limited", "company", "private", "responsibility", "sociedad", "anonima", "limitada", "societe", "obshchestvo",
            "otvetstvennostyu", "ogranichennoy", "aktsionernoe", "obshchestvom");
    private static final String[] COMPANY_FORMS = {"LLC", "Ltd", "Co Ltd", "Inc", "GmbH", "JSC", "Limited", "Corp"};

    private final List<Listed> list;
    private final Random rnd;
    private final Set<String> listedKeys = new HashSet<>();
    private final List<Set<String>> listedWordSets = new ArrayList<>();
    private final Map<String, Integer> frequency = new HashMap<>();
    private final List<String> companyWords;

    HeldOutNegatives(List<Listed> list, Random rnd) {
        this.list = list;
        this.rnd = rnd;
        for (Listed l : list) {
            for (List<String> n : l.names()) {
                listedKeys.add(key(n));
                listedWordSets.add(n.stream().filter(t -> t.length() > 2 && !isLegalForm(t)).collect(Collectors.toSet()));
                new HashSet<>(n).forEach(t -> frequency.merge(t, 1, Integer::sum));
            }
        }
        companyWords = frequentOrganisationWords(40);
    }

    List<Variant> all() {
        List<Variant> out = new ArrayList<>();
        out.addAll(nearMiss());
        out.addAll(generic("generic_company", this::genericCompany));
        out.addAll(generic("common_person", () -> GIVEN[rnd.nextInt(GIVEN.length)] + " " + FAMILY[rnd.nextInt(FAMILY.length)]));
        out.addAll(otherPatronymic());
        return out;
    }

    /** A listed 2–4 word name with its rarest word swapped for a real, common, clearly different word of the same type. */
    private List<Variant> nearMiss() {
        Map<String, List<String>> wordsByType = new HashMap<>();
        Set<String> descriptive = new HashSet<>(frequentOrganisationWords(300));
        for (Listed l : list) {
            // name words only: a legal form or "Trading" in place of a given name is a dropped name, not a near miss
            l.names().get(0).stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter))
                    .filter(t -> !isLegalForm(t) && !descriptive.contains(t))
                    .forEach(t -> wordsByType.computeIfAbsent(l.type(), k -> new ArrayList<>()).add(t));
        }
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Listed l : shuffled()) {
            List<String> t = tokens(natural(l.name()));
            if (out.size() >= PER_FAMILY || t.size() < 2 || t.size() > 4 || !wordsByType.containsKey(l.type())) {
                continue;
            }
            String rarest = t.stream().filter(x -> x.length() >= 4)
                    .min((a, b) -> frequency.getOrDefault(a, 0) - frequency.getOrDefault(b, 0)).orElse(null);
            List<String> pool = wordsByType.get(l.type());
            String other = pool.get(rnd.nextInt(pool.size()));
            // a replacement six or more entries carry is no one's distinctive name, so the query points at no entry
            if (rarest == null || frequency.get(other) < 6 || distance(rarest, other) < 3 || other.charAt(0) == rarest.charAt(0)) {
                continue;
            }
            List<String> q = new ArrayList<>(t);
            q.set(q.indexOf(rarest), other);
            if (!listedKeys.contains(key(q)) && !containsListedName(q) && seen.add(key(q))) {
                String name = q.stream().map(HeldOutVariants::cap).collect(Collectors.joining(" "));
                out.add(new Variant(name, rnd.nextBoolean() ? l.type() : null, List.of(), "near_miss",
                        l.name() + " with " + rarest + " -> " + other));
            }
        }
        return out;
    }

    /** Two or three of the list's most frequent organisation words plus a legal form. */
    private String genericCompany() {
        List<String> common = companyWords;
        int words = 2 + rnd.nextInt(2);
        List<String> w = new ArrayList<>();
        while (w.size() < words) {
            String c = common.get(rnd.nextInt(common.size()));
            if (!w.contains(c)) {
                w.add(c);
            }
        }
        return w.stream().map(HeldOutVariants::cap).collect(Collectors.joining(" ")) + " "
                + COMPANY_FORMS[rnd.nextInt(COMPANY_FORMS.length)];
    }

    /** The list's most frequent organisation words (5+ letters, no legal forms), most frequent first. */
    private List<String> frequentOrganisationWords(int limit) {
        Map<String, Integer> f = new HashMap<>();
        list.stream().filter(l -> l.type().equals("ORGANIZATION")).forEach(l -> new HashSet<>(l.names().get(0))
                .stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter) && !isLegalForm(t))
                .filter(t -> !LEGAL_FORM_WORDS.contains(t)).forEach(t -> f.merge(t, 1, Integer::sum)));
        return f.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue() != 0
                ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey())).limit(limit).map(Map.Entry::getKey).toList();
    }

    private List<Variant> generic(String family, java.util.function.Supplier<String> names) {
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int tries = 0; out.size() < PER_FAMILY && tries < 50 * PER_FAMILY; tries++) {
            String name = names.get();
            List<String> t = tokens(name);
            if (!listedKeys.contains(key(t)) && !containsListedName(t) && !insideListedName(t) && seen.add(key(t))) {
                out.add(new Variant(name, null, List.of(), family, "not listed; no listed name holds these words"));
            }
        }
        return out;
    }

    /** A listed "FAMILY, Given Patronymic" person with another patronymic of the same gender. */
    private List<Variant> otherPatronymic() {
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Listed l : shuffled()) {
            int comma = l.name().indexOf(',');
            if (out.size() >= PER_FAMILY || !l.type().equals("PERSON") || comma < 0) {
                continue;
            }
            String[] given = l.name().substring(comma + 1).trim().split("\\s+");
            String last = given[given.length - 1].toLowerCase(java.util.Locale.ROOT);
            boolean male = last.matches(".*(ovich|evich|yevich)"), female = last.matches(".*(ovna|evna|yevna)");
            if (given.length != 2 || !male && !female) {
                continue;
            }
            String[] pool = male ? PATRONYMICS : PATRONYMICS_F;
            String other = pool[rnd.nextInt(pool.length)];
            if (distance(other.toLowerCase(java.util.Locale.ROOT), last) < 3) {
                continue;
            }
            String name = given[0] + " " + other + " " + cap(l.name().substring(0, comma).trim());
            if (!listedKeys.contains(key(tokens(name))) && seen.add(name)) {
                out.add(new Variant(name, rnd.nextBoolean() ? "PERSON" : null, List.of(), "other_patronymic",
                        l.name() + " with patronymic " + other));
            }
        }
        return out;
    }

    /**
     * Some listed name's words (legal forms and 1–2 letter words aside) each have a query word equal to it or a letter
     * or two off ("Martyn" for "Martin"): the query would be a fair match, not a trap.
     */
    private boolean containsListedName(List<String> query) {
        return listedWordSets.stream().anyMatch(s -> !s.isEmpty() && s.stream().allMatch(w -> query.stream().anyMatch(q -> near(q, w))));
    }

    private static boolean near(String a, String b) {
        return a.equals(b) || a.charAt(0) == b.charAt(0) && Math.abs(a.length() - b.length()) <= 2
                && distance(a, b) <= Math.max(1, Math.min(a.length(), b.length()) / 4);
    }

    private boolean insideListedName(List<String> query) {
        Set<String> q = query.stream().filter(t -> !isLegalForm(t)).collect(Collectors.toSet());
        return listedWordSets.stream().anyMatch(s -> s.containsAll(q));
    }

    private List<Listed> shuffled() {
        List<Listed> order = new ArrayList<>(list);
        Collections.shuffle(order, rnd);
        return order;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

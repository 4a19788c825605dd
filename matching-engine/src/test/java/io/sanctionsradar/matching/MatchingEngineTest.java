package io.sanctionsradar.matching;

import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.tuning.Tuning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest {

    private MatchingEngine engine;

    static WatchlistEntry person(String id, String name, String... aliases) {
        return person(id, List.of(), Set.of(), name, aliases);
    }

    static WatchlistEntry person(String id, List<String> birth, Set<String> countries, String name, String... aliases) {
        List<EntryName> names = new ArrayList<>();
        names.add(new EntryName(name, NameKind.PRIMARY, null));
        for (String a : aliases) {
            names.add(new EntryName(a, NameKind.AKA, null));
        }
        return new WatchlistEntry(id, SubjectType.PERSON, names, birth, countries);
    }

    static WatchlistEntry org(String id, String name, String... aliases) {
        List<EntryName> names = new ArrayList<>();
        names.add(new EntryName(name, NameKind.PRIMARY, null));
        for (String a : aliases) {
            names.add(new EntryName(a, NameKind.AKA, null));
        }
        return new WatchlistEntry(id, SubjectType.ORGANIZATION, names, List.of(), Set.of());
    }

    /** Background so that rarity weights look like a real list: common words are common. */
    static List<WatchlistEntry> background() {
        List<WatchlistEntry> out = new ArrayList<>();
        String[] given = {"Mohammed", "Ali", "Ahmed", "Hassan", "Ivan", "Sergei", "John", "Maria", "Wei", "Omar"};
        String[] family = {"Karimi", "Petrov", "Rahman", "Said", "Zhang", "Lopez", "Haddad", "Sokolov", "Nasser", "Aziz",
                "Farouk", "Ortega", "Kuznetsov", "Bakr", "Qureshi", "Tanaka", "Moreno", "Volkov", "Jaber", "Salem"};
        int n = 0;
        for (String g : given) {
            for (String f : family) {
                out.add(person("bg-p" + n++, f.toUpperCase() + ", " + g));
            }
        }
        String[] words = {"Trading", "International", "Company", "Group", "Shipping", "General", "Industrial",
                "Holding", "Investment", "Services"};
        String[] places = {"Alpha", "Orient", "Caspian", "Sahara", "Pacific", "Baltic", "Nile", "Andes", "Taiga", "Delta",
                "Ural", "Gobi", "Indus", "Atlas", "Volga"};
        for (String p : places) {
            for (int i = 0; i < words.length; i++) {
                out.add(org("bg-o" + n++, p + " " + words[i] + " " + words[(i + 3) % words.length] + " LLC"));
            }
        }
        return out;
    }

    @BeforeEach
    void setUp() {
        engine = new MatchingEngine();
        List<WatchlistEntry> all = background();
        all.add(person("prig", List.of("1961-06-01"), Set.of("RU"), "PRIGOZHIN, Yevgeniy Viktorovich",
                "Пригожин Евгений Викторович"));
        all.add(person("wang", "WANG, Junzheng"));
        all.add(org("hik", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "HIKVISION"));
        all.add(org("aq", "AL QAIDA"));
        all.add(person("mm", "MUHAMMAD, Khalid Shaikh"));
        all.add(person("yus", "YOUSSEF, Ramzi Ahmed"));
        all.add(person("alx", "SHULGIN, Aleksandr Nikolayevich"));
        all.add(org("rosob", "ROSOBORONEXPORT JSC"));
        all.add(person("mendez", List.of("1975"), Set.of("CO"), "MENDEZ SALAZAR, John Jairo"));
        all.add(new WatchlistEntry("vessel", SubjectType.VESSEL, List.of(new EntryName("OCEAN VOYAGER", NameKind.PRIMARY, null)),
                List.of(), Set.of()));
        engine.replaceAll(all);
    }

    private Match top(String q) {
        List<Match> m = engine.screen(Query.of(q), 0.5, 5, null);
        return m.isEmpty() ? null : m.get(0);
    }

    private void assertHit(String query, String entryId) {
        List<Match> m = engine.screen(Query.of(query), MatchingEngine.DEFAULT_THRESHOLD, 5, null);
        assertFalse(m.isEmpty(), query + " found nothing");
        assertEquals(entryId, m.get(0).entryId(), query + " -> " + m);
    }

    private void assertNoHit(String query) {
        List<Match> m = engine.screen(Query.of(query), MatchingEngine.DEFAULT_THRESHOLD, 5, null);
        assertTrue(m.isEmpty(), query + " -> " + m);
    }

    @Test
    void exactNameOrAliasScoresOne() {
        assertEquals(1.0, top("PRIGOZHIN, Yevgeniy Viktorovich").score());
        assertEquals(1.0, top("prigozhin yevgeniy viktorovich").score());
        assertEquals(1.0, top("Yevgeniy Viktorovich PRIGOZHIN").score(), "word order does not matter");
        assertEquals(1.0, top("Hikvision").score(), "alias");
        assertEquals(1.0, top("Hangzhou Hikvision Digital Technology Company Limited").score(), "legal form spelled out");
        assertEquals(1.0, top("Пригожин Евгений Викторович").score(), "native-script alias");
    }

    @Test
    void anExplanationNamesTheListedCountriesInOneOrder() {
        // a set's iteration order changes from one JVM to the next: two instances must explain a match alike
        engine.upsert(person("c-1", List.of(), new java.util.LinkedHashSet<>(List.of("SY", "GR", "GH", "GB", "CY")),
                "KARAMANLIS, Dimitrios"));
        Match m = engine.screen(new Query("Dimitrios Karamanlis", SubjectType.PERSON, null, "IQ")).get(0);
        assertEquals("query country IQ not among [CY, GB, GH, GR, SY]", m.explanation().adjustments().get(0).reason());
    }

    @Test
    void transliteratedQueriesFindRomanizedNames() {
        assertHit("Пригожин Евгений", "prig");
        assertHit("王君正", "wang");
        Match m = top("王君正");
        assertTrue(m.explanation().tokenMatches().stream().anyMatch(t -> t.kind() == MatchKind.JOINED));
    }

    @Test
    void splitAndJoinedWords() {
        assertHit("Hik Vision", "hik");
        assertHit("Alqaida", "aq");
        Match split = top("Alqaida");
        assertEquals(MatchKind.SPLIT, split.explanation().tokenMatches().get(0).kind());
    }

    @Test
    void nameVariantsAndRomanizations() {
        assertHit("Khalid Shaikh Mohammed", "mm");
        assertHit("Ramzi Yusuf", "yus");
        assertHit("Alexander Shulgin", "alx");
        assertHit("Evgenij Prigozhin", "prig");
        assertHit("Rosoboroneksport", "rosob");
    }

    @Test
    void typosIncludingTwoPlacesInALongName() {
        assertHit("PRIGOZHNI Yevgeniy Viktorovich", "prig");
        assertHit("PRIGOHZIN Yevgeniy Vikotrovich", "prig");
        assertHit("Rosobornoexport", "rosob");
        Match m = top("PRIGOHZIN Yevgeniy Vikotrovich");
        assertTrue(m.score() < 1.0);
        assertTrue(m.explanation().tokenMatches().stream().anyMatch(t -> t.kind() == MatchKind.FUZZY));
    }

    @Test
    void missingMiddleNameAndExtraLegalForm() {
        assertHit("John MENDEZ SALAZAR", "mendez");
        assertHit("John Jairo MENDEZ", "mendez");
        assertHit("Rosoboronexport OAO", "rosob");
        assertHit("Rosoboronexport Limited Liability Company", "rosob");
    }

    @Test
    void commonWordsCannotCarryAMatch() {
        assertNoHit("Mohammed");
        assertNoHit("Mohammed Smith");
        assertNoHit("Trading International Company");
        assertNoHit("Trading Group");
        assertNoHit("International Trading Company Ltd");
        assertNoHit("Minjun Okafor");
    }

    @Test
    void rarityWeightsFollowTheList() {
        CandidateIndex index = engine.indexForTest();
        double common = index.stats.weightOf(index.vocabularyId("mohammed"));
        double rare = index.stats.weightOf(index.vocabularyId("prigozhin"));
        assertTrue(rare > 1.5 * common, rare + " vs " + common);
        double before = index.stats.weightOf(index.vocabularyId("shulgin"));
        for (int i = 0; i < 30; i++) {
            engine.upsert(person("s" + i, "SHULGIN, Person" + i));
        }
        assertTrue(index.stats.weightOf(index.vocabularyId("shulgin")) < before, "weight drops as the token spreads");
        for (int i = 0; i < 30; i++) {
            engine.remove("s" + i);
        }
        assertEquals(before, index.stats.weightOf(index.vocabularyId("shulgin")), 1e-12);
    }

    @Test
    void secondarySignalsAdjustTheScore() {
        double base = engine.screen(new Query("Jon MENDEZ SALAZAR", null, null, null), 0.5, 1, null).get(0).score();
        double sameYear = engine.screen(new Query("Jon MENDEZ SALAZAR", null, "1975-04-02", null), 0.5, 1, null).get(0).score();
        double farYear = engine.screen(new Query("Jon MENDEZ SALAZAR", null, "1990", null), 0.5, 1, null).get(0).score();
        double country = engine.screen(new Query("Jon MENDEZ SALAZAR", null, null, "co"), 0.5, 1, null).get(0).score();
        double otherCountry = engine.screen(new Query("Jon MENDEZ SALAZAR", null, null, "FR"), 0.5, 1, null).get(0).score();
        assertEquals(base + Tuning.BIRTH_YEAR_MATCH, sameYear, 1e-3);
        assertEquals(base + Tuning.BIRTH_YEAR_MISMATCH, farYear, 1e-3);
        assertEquals(base + Tuning.COUNTRY_MATCH, country, 1e-3);
        assertEquals(base + Tuning.COUNTRY_MISMATCH, otherCountry, 1e-3);
        Match exactDob = engine.screen(new Query("PRIGOZHIN Yevgeniy", null, "1961-06-01", "RU"), 0.5, 1, null).get(0);
        assertEquals(2, exactDob.explanation().adjustments().size());
        assertEquals(Tuning.BIRTH_DATE_EXACT, exactDob.explanation().adjustments().get(0).amount());
        Match company = engine.screen(new Query("Prigozhin Yevgeniy Viktorovich LLC", null, null, null), 0.5, 1, null).get(0);
        assertTrue(company.explanation().adjustments().stream().anyMatch(a -> a.signal().equals("type")));
    }

    @Test
    void typeFilterEntryFilterAndOneMatchPerEntry() {
        assertTrue(engine.screen(new Query("Hikvision", SubjectType.PERSON, null, null), 0.5, 5, null).isEmpty());
        assertFalse(engine.screen(new Query("Hikvision", SubjectType.ORGANIZATION, null, null), 0.5, 5, null).isEmpty());
        assertTrue(engine.screen(new Query("Ocean Voyager", SubjectType.ORGANIZATION, null, null), 0.8, 5, null).isEmpty());
        assertEquals("vessel", engine.screen(new Query("Ocean Voyager", SubjectType.VESSEL, null, null), 0.8, 5, null).get(0).entryId());
        assertTrue(engine.screen(Query.of("Hikvision"), 0.5, 5, id -> !id.equals("hik")).stream().noneMatch(m -> m.entryId().equals("hik")));
        List<Match> all = engine.screen(Query.of("Hangzhou Hikvision"), 0.3, 50, null);
        assertEquals(all.stream().map(Match::entryId).distinct().count(), all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).score() >= all.get(i).score());
        }
        assertTrue(all.stream().allMatch(m -> m.score() >= 0.3));
        assertTrue(engine.screen(Query.of("Hangzhou Hikvision"), 0.3, 1, null).size() <= 1);
    }

    @Test
    void upsertReplacesAndRemoveDeletes() {
        int size = engine.size();
        engine.upsert(person("new", "ZELENOGRADSKY, Arkady"));
        assertEquals(size + 1, engine.size());
        assertHit("Arkady Zelenogradsky", "new");
        engine.upsert(person("new", "KOROLENKOVA, Marfa"));
        assertEquals(size + 1, engine.size());
        assertNoHit("Arkady Zelenogradsky");
        assertHit("Marfa Korolenkova", "new");
        engine.remove("new");
        assertEquals(size, engine.size());
        assertNoHit("Marfa Korolenkova");
        engine.remove("does-not-exist");
        assertEquals(size, engine.size());
    }

    @Test
    void upsertWithTheSameNamesStillUpdatesTheOtherAttributes() {
        engine.upsert(person("same", List.of(), Set.of(), "VARFOLOMEYEVA, Ulyana"));
        engine.upsert(person("same", List.of("1970-02-03"), Set.of("RU"), "VARFOLOMEYEVA, Ulyana"));
        Match m = engine.screen(new Query("Ulyana Varfolomeyeva", SubjectType.PERSON, "1970-02-03", "RU"), 0.5, 1, null).get(0);
        assertEquals("same", m.entryId());
        assertEquals(2, m.explanation().adjustments().size());
        WatchlistEntry asOrg = new WatchlistEntry("same", SubjectType.ORGANIZATION,
                List.of(new EntryName("VARFOLOMEYEVA, Ulyana", NameKind.PRIMARY, null)), List.of(), Set.of());
        engine.upsert(asOrg);
        assertTrue(engine.screen(new Query("Ulyana Varfolomeyeva", SubjectType.PERSON, null, null), 0.5, 5, null).isEmpty());
        engine.remove("same");
        assertNoHit("Ulyana Varfolomeyeva");
    }

    @Test
    void koreanNamesInHangulFindListSpellings() {
        MatchingEngine korean = new MatchingEngine();
        korean.replaceAll(List.of(person("kju", "KIM, Jong Un"), person("kyj", "KIM, Yo Jong"),
                person("crh", "CHOE, Ryong Hae"), person("rsj", "RI, Sol Ju"), person("kjs", "KIM, Jong Sik")));
        assertEquals("kju", korean.screen(Query.of("김정은")).get(0).entryId());
        assertEquals("kyj", korean.screen(Query.of("김여정")).get(0).entryId());
        assertEquals("crh", korean.screen(Query.of("최룡해")).get(0).entryId());
        assertEquals("rsj", korean.screen(Query.of("리설주")).get(0).entryId());
        assertEquals("kju", korean.screen(Query.of("Kim Jeong-eun")).get(0).entryId());
    }

    @Test
    void incrementalBuildScoresLikeABulkBuild() {
        List<WatchlistEntry> all = background();
        all.add(person("prig", "PRIGOZHIN, Yevgeniy Viktorovich"));
        all.add(org("hik", "HIKVISION"));
        MatchingEngine incremental = new MatchingEngine();
        incremental.upsert(person("tmp", "TEMPORARY, Person"));
        for (WatchlistEntry e : all) {
            incremental.upsert(e);
            incremental.upsert(e); // idempotent
        }
        incremental.remove("tmp");
        MatchingEngine bulk = new MatchingEngine();
        bulk.replaceAll(all);
        for (String q : List.of("Prigozhin Evgeny", "Hik Vision", "Ali Karimi", "Caspian Trading Group", "Sergei Petrov")) {
            assertEquals(bulk.screen(Query.of(q), 0.5, 5, null).toString(), incremental.screen(Query.of(q), 0.5, 5, null).toString(), q);
        }
    }

    @Test
    void aTypoWeighsTheSameHoweverTheListWasLoaded() {
        // "Karimox" is one letter from "Karimov" (two entries) and from "Karimof" (one): equally alike, not equally
        // rare, and its weight must come from the same one whichever was indexed first
        List<WatchlistEntry> list = new ArrayList<>(List.of(person("a", "KARIMOF, Alisher"),
                person("b", "KARIMOV, Rustam"), person("c", "KARIMOV, Bakhtiyor"), person("d", "NAZAROV, Alisher")));
        MatchingEngine inOrder = new MatchingEngine();
        list.forEach(inOrder::upsert);
        java.util.Collections.reverse(list);
        MatchingEngine reversed = new MatchingEngine();
        list.forEach(reversed::upsert);
        for (String q : List.of("Alisher Karimox", "Rustam Karimox")) {
            List<Match> expected = inOrder.screen(Query.of(q), 0.5, 5, null);
            assertFalse(expected.isEmpty(), q);
            assertEquals(expected.toString(), reversed.screen(Query.of(q), 0.5, 5, null).toString(), q);
        }
    }

    @Test
    void everyMatchIsExplained() {
        Match m = engine.screen(new Query("Jon MENDEZ SALAZAR", null, "1975", "CO"), 0.5, 1, null).get(0);
        Explanation e = m.explanation();
        assertNotNull(e.summary());
        assertTrue(e.summary().contains("MENDEZ SALAZAR, John Jairo"), e.summary());
        assertEquals(3, e.tokenMatches().size());
        assertEquals(List.of("jairo"), e.unmatchedEntryTokens().stream().map(Explanation.WeightedToken::token).toList());
        assertTrue(e.tokenMatches().stream().allMatch(t -> t.queryWeight() > 0 && t.entryWeight() > 0));
        assertEquals(2, e.adjustments().size());
        assertEquals(m.score(), Math.min(1, e.nameScore() + e.adjustments().stream().mapToDouble(Explanation.Adjustment::amount).sum()), 1e-3);
    }

    @Test
    void blankOrNullQueriesReturnNothing() {
        assertTrue(engine.screen(Query.of(""), 0.5, 5, null).isEmpty());
        assertTrue(engine.screen(Query.of(null), 0.5, 5, null).isEmpty());
        assertTrue(engine.screen(Query.of("Hikvision"), 0.5, 0, null).isEmpty());
    }

    @Test
    void concurrentScreensAgree() throws Exception {
        List<String> queries = List.of("Пригожин Евгений", "王君正", "Hik Vision", "Alqaida", "John MENDEZ", "Ramzi Yusuf");
        List<String> expected = queries.stream().map(q -> engine.screen(Query.of(q), 0.5, 3, null).toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int r = 0; r < 20; r++) {
                        for (int i = 0; i < queries.size(); i++) {
                            if (!engine.screen(Query.of(queries.get(i)), 0.5, 3, null).toString().equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anEmptyIndexMatchesNothing() throws Exception {
        // on a thread of its own: its per-thread scratch space has never been sized for any index
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            assertTrue(fresh.submit(() -> new MatchingEngine().screen(Query.of("Wang Junzheng"))).get().isEmpty());
        } finally {
            fresh.shutdown();
        }
    }

    @Test
    void aWordFirstListedWrittenTogetherIsFoundByTypoOnceListedAlone() {
        MatchingEngine fresh = new MatchingEngine();
        fresh.upsert(org("a", "Hik Vision")); // "hikvision" is known as a joined form only: typos do not reach it
        assertTrue(fresh.screen(Query.of("Hikvisiom"), 0.78, 5, null).isEmpty());
        fresh.upsert(org("b", "Hikvision")); // now a word of its own, within one edit of the query
        assertEquals(List.of("b"), fresh.screen(Query.of("Hikvisiom"), 0.78, 5, null).stream().map(Match::entryId).toList());
    }

    @Test
    void aVeryCommonWordBoundedOnTwoThreadsGivesTheExhaustiveAnswer() {
        // 30,000 names of a few words each: a query word touches more names than the count from which their
        // bounds are computed on two threads
        java.util.Random random = new java.util.Random(3);
        List<String> surnames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder surname = new StringBuilder();
            for (int k = 0; k < 7; k++) {
                surname.append((char) ('a' + random.nextInt(26)));
            }
            surnames.add(surname.toString());
        }
        List<String> given = List.of("Mohammed", "Muhammad", "Mohamed", "Ali");
        List<WatchlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            entries.add(person("p" + i, given.get(random.nextInt(given.size())) + " "
                    + surnames.get(random.nextInt(surnames.size()))));
        }
        // a spelling listed once weighs much: from the query tokens alone a name could explain that much, so the
        // credits of what the names hold are what rejects most of them
        entries.add(person("rare", "Mohamad Qwertyuiop"));
        MatchingEngine large = new MatchingEngine();
        large.replaceAll(entries);
        MatchingEngine oneThread = new MatchingEngine(Integer.MAX_VALUE);
        oneThread.replaceAll(entries);
        int matched = 0;
        for (int q = 0; q < 10; q++) {
            String surname = surnames.get(random.nextInt(surnames.size()));
            // two common words: most names touched hold only one of them, and their credits reject them
            for (String name : List.of("Mohamed " + surname, surname + " Ali", "Mohammed", q % 2 == 0 ? "Mohamed Ali" : "Ali Muhammad")) {
                List<Match> searched = large.screen(Query.of(name), 0.55, 50, null);
                List<Match> exhaustive = large.screenExhaustively(Query.of(name), 0.55, 50, null);
                assertEquals(exhaustive.stream().map(m -> m.entryId() + " " + m.score()).toList(),
                        searched.stream().map(m -> m.entryId() + " " + m.score()).toList(), name);
                matched += searched.size();
                // a bound made too high by the other thread's slice costs no match, only time: compare the bounds,
                // also where the credits of what the names hold reject them ("Mohammed X" bounded at 0.62)
                assertSameBounds(large, oneThread, name, 0.55);
                assertSameBounds(large, oneThread, name, 0.65);
            }
        }
        assertTrue(matched > 500, "the queries match many names: " + matched);
    }

    private static void assertSameBounds(MatchingEngine twoThreads, MatchingEngine oneThread, String name, double threshold) {
        List<String> two = twoThreads.boundsForTest(Query.of(name), threshold);
        List<String> one = oneThread.boundsForTest(Query.of(name), threshold);
        assertTrue(two.equals(one), () -> name + " at " + threshold + ": on two threads " + two.get(0) + ", "
                + (two.size() - 1) + " candidates; on one " + one.get(0) + ", " + (one.size() - 1));
    }

    @Test
    void boundsFromCreditsGiveTheExhaustiveAnswer() {
        // names that test what a bound from the postings read must count: repeated tokens, joined forms, common
        // words read last or not at all, rare and common spellings of one word, legal forms, initials; every match against
        // exhaustive scoring
        java.util.Random random = new java.util.Random(5);
        List<String> words = List.of("Mohammed", "Muhammad", "Mohamed", "Mohamad", "Ali", "Hassan", "Hasan", "Abd",
                "Al", "Rahman", "Abdul", "Abdalrahman", "Abdulrahman", "Bin", "Laden", "Omari", "Omar", "Zarkaoui",
                "Droukdel", "Abdelmalek", "Abdel", "Malek", "Musab", "Mossab", "Abou", "Abu", "Ltd", "LLC", "GmbH", "Trading");
        List<WatchlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder(randomName(random, words));
            if (random.nextInt(4) == 0) { // a rare word of its own
                name.append(' ').append((char) ('a' + random.nextInt(26))).append("zq").append(i % 500);
            }
            if (random.nextInt(6) == 0) { // an initial, which a query initial matches exactly
                name.append(' ').append("MAHO".charAt(random.nextInt(4)));
            }
            entries.add(person("p" + i, name.toString()));
        }
        MatchingEngine large = new MatchingEngine();
        large.replaceAll(entries);
        List<String> queries = new ArrayList<>(List.of("Mohamed Hassan", "Mohamed Mohamed", "Ali Ali Hassan",
                "Abd Al Rahman", "Abdalrahman Omar", "Abdul Rahman Bin Laden", "Droukdel Abdelmalek",
                "Abdel Malek Droukdel", "Abou Mossab Abdel", "Omari", "Bin Laden", "Mohammed Ali Hassan Omar",
                "Omari Trading Ltd", "Hassan LLC", "Abdul Rahman GmbH", "Mohamed Ltd",
                // initials, each of which may abbreviate any word of its letter or be the letter itself (a query of
                // initials alone finds only names holding a letter: a name matched by abbreviations alone scores 0.6)
                "M Hassan", "A Rahman Omar", "Mohamed A", "H Laden Ltd", "O Zarkaoui", "Abu M", "M A Omari"));
        for (int q = 0; q < 30; q++) {
            WatchlistEntry listed = entries.get(random.nextInt(entries.size()));
            queries.add(listed.names().get(0).name());
        }
        int matched = 0;
        for (String name : queries) {
            List<Match> searched = large.screen(Query.of(name), 0.55, 20_000, null);
            List<Match> exhaustive = large.screenExhaustively(Query.of(name), 0.55, 20_000, null);
            assertEquals(exhaustive.stream().map(m -> m.entryId() + " " + m.score()).toList(),
                    searched.stream().map(m -> m.entryId() + " " + m.score()).toList(), name);
            // the same entries in the same order without explanations
            assertEquals(searched.stream().map(Match::entryId).toList(),
                    large.screenIds(Query.of(name), 0.55, 20_000, null), name);
            matched += searched.size();
        }
        assertTrue(matched > 5_000, "the queries match many names: " + matched);
    }

    /** One to four of these words, drawn with repetition. */
    private static String randomName(java.util.Random random, List<String> words) {
        int length = 1 + random.nextInt(4);
        StringBuilder name = new StringBuilder();
        for (int k = 0; k < length; k++) {
            name.append(k == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return name.toString();
    }

    @Test
    void boundsHoldWithTheThresholdAtEveryScore() {
        // each score a query reaches becomes the threshold in turn, so every name scoring it lies on the floor: a
        // bound that cuts any part of the score too short (a legal form half matching another, an initial, a weak
        // spelling) loses that name
        java.util.Random random = new java.util.Random(9);
        List<String> words = List.of("Omari", "Omar", "Hassan", "Hasan", "Trading", "Zarkaoui", "Ali", "Abdul",
                "Rahman", "Ltd", "LLC", "GmbH", "Co", "M", "A");
        List<WatchlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String name = randomName(random, words);
            entries.add(i % 2 == 0 ? org("o" + i, name) : person("p" + i, name));
        }
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(entries);
        int checked = searchAgreesWithTheExhaustiveAnswerAtEveryScore(engine, List.of("Omari Trading Ltd", "Hassan LLC",
                "Zarkaoui GmbH", "Omar Ltd", "Ali Hassan Co", "Abdul Rahman GmbH", "M Hassan Ltd", "Omari A"));
        assertTrue(checked > 100, "thresholds checked: " + checked);
    }

    @Test
    void spellingsReadRarestFirstStopOnlyWhereNoUnseenNameCanReachTheFloor() {
        // common words with rare spellings beside them and rare words: a word's rare spellings are read first, and
        // its common one only while a name not seen yet could still reach the floor through it (a stop cut too early
        // loses names made of common words)
        java.util.Random random = new java.util.Random(13);
        List<String> words = new ArrayList<>();
        for (String common : List.of("Mohamed", "Ali", "Hassan", "Al")) {
            for (int k = 0; k < 10; k++) {
                words.add(common);
            }
        }
        words.addAll(List.of("Mohammed", "Alli", "Hasan", "El", "Zarkaoui", "Qasir", "Droukdel", "Abdelmalek"));
        List<WatchlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            entries.add(person("p" + i, randomName(random, words)));
        }
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(entries);
        int checked = searchAgreesWithTheExhaustiveAnswerAtEveryScore(engine, List.of("Mohamed Qasir",
                "Abdelmalek Al Droukdel", "Ali Hasan", "Hassan Al Zarkaoui", "Mohammed Ali Hassan", "El Qasir Mohamed"));
        assertTrue(checked > 100, "thresholds checked: " + checked);
    }

    /**
     * Each score a query reaches from 0.5 becomes the threshold in turn (at most 60 a query, for time), so every name
     * scoring it lies on the floor; the search must answer what scoring every name answers. Thresholds checked.
     */
    private static int searchAgreesWithTheExhaustiveAnswerAtEveryScore(MatchingEngine engine, List<String> queries) {
        int checked = 0;
        for (String query : queries) {
            // from 0.5: below, a name may match by an initial abbreviating its words alone, which is never searched
            List<Match> all = engine.screenExhaustively(Query.of(query), 0.5, 3_000, null);
            List<Double> scores = all.stream().map(Match::score).distinct().toList();
            for (int t = 0; t < scores.size(); t += 1 + scores.size() / 60) {
                double threshold = scores.get(t);
                List<Match> searched = engine.screen(Query.of(query), threshold, 3_000, null);
                List<Match> exhaustive = all.stream().filter(m -> m.score() >= threshold).toList();
                assertEquals(exhaustive.stream().map(m -> m.entryId() + " " + m.score()).toList(),
                        searched.stream().map(m -> m.entryId() + " " + m.score()).toList(), query + " at " + threshold);
                checked++;
            }
        }
        return checked;
    }
}

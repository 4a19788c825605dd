package io.sanctionsradar.matching.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Romanization families of one name: the fold key (schemes) and the variant groups (closed lists). */
class RomanizationFamiliesTest {

    private static void sameFold(String... spellings) {
        for (String s : spellings) {
            assertEquals(NameVariants.foldKey(spellings[0]), NameVariants.foldKey(s), spellings[0] + " / " + s);
        }
    }

    private static void sameGroup(String... spellings) {
        assertNotNull(NameVariants.group(spellings[0]), spellings[0]);
        for (String s : spellings) {
            assertEquals(NameVariants.group(spellings[0]), NameVariants.group(s), spellings[0] + " / " + s);
        }
    }

    @Test
    void cyrillicSchemesFoldTogether() {
        sameFold("chernyshov", "tschernyschow", "czernyszow", "tchernychev"); // BGN, German, Polish, French
        sameFold("tikhonov", "tichonow"); // German ch for х
        sameFold("khodorkovsky", "chodorkowski"); // Polish
        sameFold("khrushchev", "khrouchtchev", "khrushchov", "chruschtschow"); // French chtch, ё written o, German
        sameFold("ivanov", "ivanoff", "iwanow");
        sameFold("lebedev", "lebedeff");
        sameFold("solovyov", "soloviev", "solovyev");
        sameFold("gorbachev", "gorbatschow");
        sameFold("prigozhin", "prigojine");
        sameFold("sergey", "sergej");
        sameFold("tawhid", "tauhid", "taukhid"); // Arabic through Cyrillic: Таухид
        sameFold("dostoyevsky", "dostojewski"); // w before a consonant is в here
        sameFold("yakovlev", "yakowlew");
        sameFold("dostoevsky", "dostoevskiy", "dostoevskii", "dostoevski");
    }

    @Test
    void givenNamesAndTheQaddafiFamilyAreClosedLists() {
        sameGroup("yevgeniy", "evgeny", "evgenii", "jevgenij", "evgueni", "jewgeni");
        sameGroup("yuliya", "yulia", "julia");
        sameGroup("qadhafi", "qaddafi", "gadhafi", "gaddafi", "kadhafi", "khadafy", "gheddafi");
    }

    @Test
    void ukrainianAndBelarusianAreNotReadAsRussian() {
        assertEquals("vitaliy volodymyrovych klychko", NameNormalizer.normalizedForm("Віталій Володимирович Кличко"));
        assertEquals("syarhey zubkou", NameNormalizer.normalizedForm("Сяргей Зубкоў"));
        assertEquals("ivan yurevich", NameNormalizer.normalizedForm("Iван Юр’евiч")); // one word across the apostrophe
        assertEquals("bech", NameNormalizer.normalizedForm("Бэч")); // BGN's middle dot (B·ech) does not split a word
    }

    @Test
    void aFrenchJBeforeAVowelIsNotTheLetterY() {
        assertNotEquals(NameVariants.foldKey("prigoyin"), NameVariants.foldKey("prigojine"));
    }
}

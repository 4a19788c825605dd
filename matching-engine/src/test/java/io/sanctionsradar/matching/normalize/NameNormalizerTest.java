package io.sanctionsradar.matching.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameNormalizerTest {

    private static String norm(String s) {
        return NameNormalizer.normalizedForm(s);
    }

    @Test
    void caseDiacriticsAndCompatibilityForms() {
        assertEquals("jose maria nunez", norm("JOSÉ María Núñez"));
        assertEquals("strasse lodz", norm("Straße Łódź"));
        assertEquals("ae oe", norm("Æ Œ"));
        assertEquals("abc 123", norm("ＡＢＣ １２３")); // full-width forms (NFKC)
    }

    @Test
    void punctuationApostrophesHyphensAndSpacing() {
        assertEquals("pyong chan kim", norm("PYO'NG-CH'AN  KIM"));
        assertEquals("abbas rim", norm("'ABBAS, Rim"));
        assertEquals("obrien", norm("O’Brien"));
        assertEquals("ui international", norm("U.I. INTERNATIONAL"));
    }

    @Test
    void commaEndsANamePartSoSurnameAndGivenNameAreNotJoined() {
        NameTokens t = NameNormalizer.normalize("NAJERA CITALAN, Luis Alberto");
        assertArrayEquals(new String[]{"najera", "citalan", "luis", "alberto"}, t.tokens());
        assertTrue(t.joinsNext()[0]);
        assertFalse(t.joinsNext()[1]);
        assertTrue(t.joinsNext()[2]);
    }

    @Test
    void legalFormsBecomeOneLowWeightCanonicalToken() {
        assertEquals("wuxi turbine blade ltd", norm("Wuxi Turbine Blade Co., Ltd."));
        assertEquals("wuxi turbine blade ltd", norm("Wuxi Turbine Blade Company Limited"));
        assertEquals("llc romashka", norm("OOO Romashka"));
        assertEquals("romashka llc", norm("Romashka Limited Liability Company"));
        assertEquals("jsc rassvet", norm("Otkrytoe Aktsionernoe Obshchestvo Rassvet"));
        assertEquals("chihuahua foods sa", norm("CHIHUAHUA FOODS S.A. DE C.V."));
        assertEquals("white solutions llc", norm("White Solutions Sp. z o.o."));
        assertEquals("urvalle ltd", norm("URVALLE CIA LTDA"));
        assertEquals("alpha gmbh", norm("Alpha GmbH"));
        assertEquals("beta fze", norm("Beta FZE"));
        NameTokens t = NameNormalizer.normalize("Gazprom Transgaz Ufa OOO");
        assertEquals(NameTokens.LEGAL_FORM, t.classes()[3]);
        assertEquals(NameTokens.WORD, t.classes()[0]);
    }

    @Test
    void misspelledLegalFormsAreStillRecognised() {
        assertEquals("jsc raschetniye resheniya", norm("JOINT STOCK COMOANY RASCHETNIYE RESHENIYA"));
        assertEquals("syrian petroleum co", norm("SYRIAN PETROLEUM COMPNY"));
    }

    @Test
    void shortAmbiguousFormsOnlyAtTheEdge() {
        // "SA" inside a name is a word, at the end it is the legal form
        assertEquals(NameTokens.WORD, NameNormalizer.normalize("Banco Sa Nostra Trading").classes()[1]);
        assertEquals(NameTokens.LEGAL_FORM, NameNormalizer.normalize("Banco Nostra SA").classes()[2]);
    }

    @Test
    void titlesAreKeptButClassified() {
        NameTokens t = NameNormalizer.normalize("Sheikh Abdullah Azzam");
        assertEquals("sheikh", t.tokens()[0]);
        assertEquals(NameTokens.TITLE, t.classes()[0]);
        assertEquals(NameTokens.WORD, NameNormalizer.normalize("Sheikh").classes()[0]);
    }

    @Test
    void otherScriptsAreTransliterated() {
        assertEquals("prigozhin yevgeniy viktorovich", norm("Пригожин Евгений Викторович"));
        assertEquals("wang jun zheng", norm("王君正"));
        assertEquals("alexandros papadopoulos", norm("Αλέξανδρος Παπαδόπουλος"));
        assertEquals("kim jong un", norm("김정은"));
        assertEquals("choe ryong hae", norm("최룡해"));
        assertEquals("ri sol ju", norm("리설주"));
        assertTrue(NameNormalizer.normalize("محمد").abjad());
        assertEquals("mhmd", norm("محمد"));
        assertTrue(NameNormalizer.normalize("王君正").transliterated());
        assertFalse(NameNormalizer.normalize("Wang Junzheng").transliterated());
    }

    @Test
    void blankInputIsEmpty() {
        assertTrue(NameNormalizer.normalize("  ").isEmpty());
        assertTrue(NameNormalizer.normalize(null).isEmpty());
        assertTrue(NameNormalizer.normalize("--,.").isEmpty());
    }

    @Test
    void romanizationFoldAndSkeleton() {
        assertEquals(NameVariants.foldKey("yevgeniy"), NameVariants.foldKey("evgenij"));
        assertEquals(NameVariants.foldKey("sergey"), NameVariants.foldKey("sergej"));
        assertEquals(NameVariants.foldKey("tchaikovsky"), NameVariants.foldKey("chaykovskiy"));
        assertEquals(ConsonantSkeleton.key("mohammed"), ConsonantSkeleton.key("mhmd"));
        assertEquals(NameVariants.group("muhammad"), NameVariants.group("mohamed"));
    }

    @Test
    void aWordMixingScriptsIsFoldedIntoItsDominantScript() {
        assertEquals("sensetime", norm("\u0405enseTime")); // Cyrillic Ѕ
        assertEquals("hikvision", norm("H\u0456kvision")); // Cyrillic і
        assertEquals("hikvision", norm("\u041d\u0456\u043a\u03bd\u0456s\u0456\u043en")); // Cyrillic Н і к і і о, Greek ν
        assertEquals("hikvision", norm("\u0397\u0399\u039aV\u0399S\u0399\u039f\u039d")); // Greek capitals, Latin V and S
        assertEquals("huawei technologies", norm("HU\u0410W\u0415I T\u0415\u0421HN\u041eL\u041eGI\u0415S"));
        // mostly Cyrillic with a Latin p: read as Cyrillic, so transliterated as the genuine name is
        assertEquals(norm("\u041f\u0440\u0438\u0433\u043e\u0436\u0438\u043d"),
                norm("\u041fp\u0438\u0433\u043e\u0436\u0438\u043d"));
        assertFalse(NameNormalizer.normalize("\u0405enseTime").transliterated());
    }

    @Test
    void wordsInOneScriptAreNotFolded() {
        // TR39's skeleton would turn "rn" into "m" and Cyrillic into Latin lookalikes: words in one script keep their letters
        for (String name : new String[]{"Bernard Kornfeld", "Пригожин Евгений Викторович", "Αλέξανδρος Παπαδόπουλος",
                "Σ.Α. ΑΕ", "東京電力ホールディングス", "김정은 金正恩", "Hikvision 海康威视", "محمد", "I-Tech 1l"}) {
            assertSame(name, Confusables.fold(name), name);
        }
    }
}

package io.sanctionsradar.matching.normalize;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GluedWordsTest {

    private static final Set<String> LISTED = Set.of("vladimir", "putin", "sovcomflot", "cimex", "delijan", "pet",
            "robna", "ibrahim", "ali");

    private static String read(String name) {
        return GluedWords.split(NameNormalizer.normalize(name), LISTED::contains).toString();
    }

    @Test
    void aGluedGivenAndFamilyNameIsReadAsTwoWords() {
        assertEquals("vladimir putin", read("VladimirPutin"));
        assertEquals("vladimir putin", read("vladimirputin"));
    }

    @Test
    void aLegalFormGluedInFrontOrBehindBecomesALegalForm() {
        NameTokens front = GluedWords.split(NameNormalizer.normalize("JSCSOVCOMFLOT"), LISTED::contains);
        assertEquals(2, front.size());
        assertEquals(NameTokens.LEGAL_FORM, front.classes()[0]);
        assertEquals("sovcomflot", front.tokens()[1]);
        NameTokens behind = GluedWords.split(NameNormalizer.normalize("FINANCIERA CIMEXSA"), LISTED::contains);
        assertEquals("cimex", behind.tokens()[behind.size() - 2]);
        assertEquals(NameTokens.LEGAL_FORM, behind.classes()[behind.size() - 1]);
    }

    @Test
    void aMisspeltOrShortWordIsNotCutIntoShortPieces() {
        NameTokens typo = NameNormalizer.normalize("Elena Petrobna");
        assertSame(typo, GluedWords.split(typo, LISTED::contains), "pet + robna: a three-letter piece");
        NameTokens shortWord = NameNormalizer.normalize("aliibrahim");
        assertEquals("aliibrahim", GluedWords.split(shortWord, LISTED::contains).toString());
    }

    @Test
    void aListedWordOrANameInAnotherScriptIsLeftAsWritten() {
        assertEquals("putin", GluedWords.split(NameNormalizer.normalize("Putin"), LISTED::contains).toString());
        NameTokens arabic = NameNormalizer.normalize("عزت ابراهيم الدوري");
        assertSame(arabic, GluedWords.split(arabic, w -> true));
    }
}

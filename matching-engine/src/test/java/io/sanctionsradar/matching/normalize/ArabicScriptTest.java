package io.sanctionsradar.matching.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArabicScriptTest {

    private static String norm(String raw) {
        return NameNormalizer.normalizedForm(raw);
    }

    @Test
    void longVowelsAreWrittenAndShortOnesLeftToTheSkeleton() {
        assertEquals("tarq aziz", norm("طارق عزيز")); // ICU: "tarq zyz"
        assertEquals("ali hsn", norm("علي حسن"));
        assertEquals("yhya jwadi", norm("يحيى جوادي"));
    }

    @Test
    void theArticleAndAbdCompoundsAreWordsOfTheirOwn() {
        assertEquals("adi sdam hsin al tkriti", norm("عدي صدام حسين التكريتي"));
        assertEquals("abd al hlim", norm("عبدالحليم"));
        assertEquals("abd al rhmn", norm("عبد الرحمن"));
        assertEquals("abu al yzid", norm("أبواليزيد"));
    }

    @Test
    void binIbnAndBintAreParticles() {
        assertEquals("mhmd bin blqasm", norm("محمد بن بلقاسم"));
        assertEquals("ibn timya", norm("ابن تيمية"));
    }

    @Test
    void persianAndUrduLettersAreRomanizedToo() {
        assertEquals("amr ali chuhdri", norm("عامر علی چوہدری"));
        assertEquals("pruiz", norm("پرویز"));
        assertEquals("thna allah", norm("ثناء اللہ")); // Urdu heh in Allah
        assertEquals("mhmd amr zdran", norm("محمد عمر ځدران")); // Pashto dze
    }

    @Test
    void hebrewStaysWithIcu() {
        assertEquals("dwd", norm("דוד"));
    }
}

package io.sanctionsradar.matching.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KoreanHanjaTest {

    @Test
    void aKoreanNameInHanjaIsReadTheKoreanWay() {
        assertEquals("kim jong un", NameNormalizer.normalizedForm("金正恩"));
        assertEquals("kim yo jong", NameNormalizer.normalizedForm("金与正"));
    }

    @Test
    void aChineseCompanyNamesLegalFormAndCommonWordsAreTranslated() {
        assertEquals("cheng dou jing xin technology ltd", NameNormalizer.normalizedForm("成都景昕科技有限公司"));
    }

    @Test
    void otherHanNamesKeepTheirMandarinReading() {
        assertEquals("jin li qun", NameNormalizer.normalizedForm("金立群")); // a character without a Korean reading here
        assertEquals("wang jun zheng", NameNormalizer.normalizedForm("王君正")); // not a Korean surname
        assertEquals("jin zheng", NameNormalizer.normalizedForm("金正")); // two characters
    }
}

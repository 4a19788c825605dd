package io.sanctionsradar.matching.normalize;

/**
 * The words of a Chinese company name that lists write translated, not in pinyin: the legal form (有限公司 is
 * "Co., Ltd.", never "you xian gong si"), Hong Kong, and the few descriptors nearly every such name carries
 * (科技 "Technology", 集团 "Group", 电子 "Electronics", 机械 "Machinery", 贸易 "Trading" …). Replaced before the Mandarin reading, so that the legal form is recognised
 * as one ({@link LegalForms}) and the distinctive pinyin words are left to match. Only words the UK's and the
 * US lists write translated in nearly every such name are here: this is not a dictionary.
 */
final class HanCompanyWords {

    /** Longest first: 股份有限公司 before 有限公司. */
    private static final String[][] WORDS = {
            {"股份有限公司", " Co., Ltd. "}, {"有限责任公司", " Co., Ltd. "}, {"有限責任公司", " Co., Ltd. "},
            {"有限公司", " Co., Ltd. "}, {"集团", " Group "}, {"集團", " Group "}, {"科技", " Technology "},
            {"技术", " Technology "}, {"技術", " Technology "}, {"香港", " Hong Kong "},
            {"电子", " Electronics "}, {"電子", " Electronics "}, {"机械", " Machinery "}, {"機械", " Machinery "},
            {"国际", " International "}, {"國際", " International "}, {"贸易", " Trading "}, {"貿易", " Trading "},
            {"控股", " Holdings "}, {"航空", " Aviation "}, {"设备", " Equipment "}, {"設備", " Equipment "},
            {"动力", " Power "}, {"動力", " Power "}, {"船务", " Shipping "}, {"船務", " Shipping "},
            {"投资", " Investment "}, {"投資", " Investment "}};

    private HanCompanyWords() {
    }

    static String translate(String text) {
        if (!hasHan(text)) {
            return text;
        }
        String s = text;
        for (String[] w : WORDS) {
            s = s.replace(w[0], w[1]);
        }
        return s;
    }

    private static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}

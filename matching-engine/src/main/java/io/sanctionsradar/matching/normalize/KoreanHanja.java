package io.sanctionsradar.matching.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * Korean names written in Han characters (hanja), read the Korean way. ICU reads every Han character in Mandarin, so
 * 金正恩 becomes "jin zheng en", while the lists write the same man "KIM Jong Un". Han script alone does not say
 * whether a name is Chinese or Korean; a name is read as Korean when it is three characters long, starts with a
 * surname that lists almost only carry for Koreans (金 Kim, 朴 Pak) and every character has a reading here. The
 * readings are spelled the way sanctions lists spell North Korean names (McCune-Reischauer without breves or
 * apostrophes, one word per syllable), like {@link Transliteration#romanizeHangulSyllables}. A Chinese 金 name whose
 * given name happens to be made of these characters is read the Korean way too: the cost of a heuristic.
 */
final class KoreanHanja {

    private static final String SURNAMES = "金朴";

    private static final Map<Character, String> READING = new HashMap<>();

    static {
        String[] table = {
                "金 kim", "朴 pak", "正 jong", "恩 un", "日 il", "成 song", "哲 chol", "英 yong", "浩 ho", "光 kwang",
                "明 myong", "男 nam", "龍 ryong", "龙 ryong", "海 hae", "與 yo", "与 yo", "容 yong", "秀 su", "洙 su",
                "植 sik", "元 won", "國 kuk", "国 kuk", "勇 yong", "吉 kil", "松 song", "春 chun", "永 yong", "煥 hwan",
                "焕 hwan", "載 jae", "载 jae", "進 jin", "进 jin", "鎬 ho", "石 sok", "赫 hyok", "虎 ho", "德 dok",
                "南 nam", "昌 chang", "泰 thae", "鐵 chol", "铁 chol", "熙 hui", "淑 suk", "玉 ok", "順 sun", "顺 sun",
                "子 ja", "姬 hui", "敬 kyong", "善 son", "賢 hyon", "贤 hyon", "俊 jun", "錫 sok", "锡 sok", "萬 man",
                "万 man", "壽 su", "寿 su", "根 gun", "基 gi", "洪 hong", "雄 ung", "勳 hun", "勋 hun", "河 ha", "鶴 hak",
                "鹤 hak", "仁 in", "義 ui", "义 ui", "信 sin", "忠 chung", "孝 hyo", "平 phyong", "和 hwa", "安 an",
                "周 ju", "奉 pong", "珠 ju", "革 hyok", "弼 phil", "宇 u", "燦 chan", "灿 chan"};
        for (String row : table) {
            READING.put(row.charAt(0), row.substring(2));
        }
    }

    private KoreanHanja() {
    }

    /** The Korean reading, one word per syllable, or null when the name is not read as Korean. */
    static String reading(String text) {
        String name = text.strip();
        if (name.length() != 3 || SURNAMES.indexOf(name.charAt(0)) < 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < name.length(); i++) {
            String syllable = READING.get(name.charAt(i));
            if (syllable == null) {
                return null;
            }
            b.append(i == 0 ? "" : " ").append(syllable);
        }
        return b.toString();
    }
}

package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.tuning.Tuning;

import java.util.HashMap;
import java.util.Map;

/**
 * Spelling equivalences between name tokens: a compact table of given-name variants, a transliteration
 * "fold" key that erases differences between romanization schemes (the consonant skeleton of abjad
 * romanizations is {@link ConsonantSkeleton}).
 */
public final class NameVariants {

    /** Each row is one equivalence class; the first spelling is the group key. */
    private static final String[] GROUPS = {
            // Arabic given names and particles
            "mohammed muhammad mohamed mohammad muhammed mohamad mohamud muhamad mohd mehmet mehmed mahomed",
            "ahmed ahmad ahmet ahmid",
            "mahmoud mahmud mahmood mehmood",
            "yusuf youssef yousef yusef yousif yussuf yousuf yosef",
            "abdul abd abdel abdal abdoul abdol",
            "abdullah abdallah abdulla abdellah abdollah",
            "abdulrahman abdurrahman abdelrahman abdalrahman abderrahmane abdul-rahman",
            "hussein husain husayn hussain hossein husein houssein",
            "hassan hasan hasen",
            "ibrahim ebrahim ibraheem brahim",
            "ismail ismael esmail ismayil",
            "omar umar omer",
            "osama usama usamah",
            "khaled khalid",
            "mustafa mostafa moustafa mustapha",
            "mansour mansur mansoor",
            "nasser nasir naser",
            "said saeed saied saiid sayeed",
            "jamal gamal djamal",
            "qasim kassem qassem qasem kasim",
            "yasser yasir yaser",
            "suleiman sulaiman sulayman soleiman suleyman",
            "hamid hamed",
            "rashid rasheed rachid",
            "abu abou",
            "bin ben ibn",
            // Qaddafi: ق is q, g or k, dh or dd, and the final i or y, in as many spellings as lists and press use
            "qadhafi qaddafi gadhafi gaddafi kadhafi kaddafi qadafi gadafi kadafi khadafi khaddafi khadafy gheddafi"
                    + " gaddafy qadhdhafi",
            // the Arabic article as romanizations write it, also assimilated to a sun letter (ad-Din, ash-Shami)
            "al el ul ad ar ash az",
            "john jon",
            // Slavic given names
            "aleksandr alexander alexandr oleksandr aleksander aleksandar alexandre",
            "aleksei alexei alexey aleksey oleksiy oleksii alexis",
            "sergei sergey serhiy serhii sergiy",
            "yevgeniy evgeny evgeni yevgeny evgenii yevhen eugene eugeny evgueni jewgeni jevgenij ievgen",
            "dmitri dmitry dmitriy dmytro dimitri",
            "mikhail michael mykhailo mikhael",
            "andrei andrey andriy andrii",
            "nikolai nikolay mykola nicolai",
            "vladimir volodymyr wladimir",
            "grigoriy grigory grigori hryhoriy",
            "pyotr petr peter petro",
            "fyodor fedor feodor",
            "maksim maxim maksym",
            "yakov yaakov jakov jakow",
            "igor ihor",
            "oleg oleh",
            "viktor victor",
            "yuri yury yuriy iurii yurii jurij juri iouri",
            "yuliya yulia julia iuliia juliya",
            "yelena elena jelena",
            // Korean surnames across romanization schemes
            "kim gim",
            "lee yi ri rhee",
            "park pak bak",
            "choi choe choy",
            "jung jeong chung chong cheong",
            "kang gang",
            "cho jo",
            "kwon gwon",
            "shin sin",
            "ryu yu yoo",
            "jeon chon chun jun",
            // Korean syllables too short for the fold key: Revised Romanization vs McCune-Reischauer
            "un eun",
            "yo yeo",
            "ryong ryeong",
            // Chinese surnames: Wade-Giles vs pinyin
            "zhang chang",
            "zhou chou",
            "zhao chao",
            "xu hsu",
            "cai tsai",
            "jiang chiang",
            "guo kuo",
    };

    private static final Map<String, String> GROUP_OF = new HashMap<>();

    static {
        for (String row : GROUPS) {
            String[] names = row.split(" ");
            for (String n : names) {
                GROUP_OF.putIfAbsent(n, names[0]);
            }
        }
    }

    private NameVariants() {
    }

    /** Group key of a known given-name variant, or null. */
    static String group(String token) {
        return GROUP_OF.get(token);
    }

    /**
     * Key that is equal for spellings of one word under different romanization schemes
     * (Yevgeniy/Evgenij, Tchaikovsky/Chaykovskiy, Sheikh/Shaykh-like digraphs). Applied to both sides, so
     * over-folding only costs precision on tokens that are already near-identical.
     */
    static String foldKey(String token) {
        if (token.length() < Tuning.MIN_FOLDED_TOKEN_LENGTH) {
            return token;
        }
        String s = germanFrenchPolish(diphthongW(softJ(token)));
        s = s.replace("shch", "sh").replace("sch", "sh").replace("tch", "ch").replace("dzh", "j")
                .replace("zh", "j").replace("kh", "h").replace("ph", "f").replace("th", "t").replace("gh", "g")
                .replace("dh", "d").replace("ck", "k").replace("ks", "x").replace("cz", "ch").replace("w", "v")
                .replace("q", "k").replace("ou", "u").replace("oo", "u").replace("ee", "i")
                .replace("eo", "o").replace("eu", "u");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'y') {
                c = 'i';
            } else if (c == 'c' && (i + 1 >= s.length() || s.charAt(i + 1) != 'h')) {
                c = 'k';
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) == c) {
                continue; // doubled letters are a romanization choice
            }
            b.append(c);
        }
        if (b.length() > 2 && b.charAt(0) == 'i' && b.charAt(1) == 'e') {
            b.deleteCharAt(0); // initial Cyrillic "е" is written ye- or e-
        }
        return russianEnding(token, b);
    }

    /**
     * "w" between a vowel and h, f, q or k closes an Arabic diphthong, written u too (Tawhid/Tauhid, Tawfiq/Taufiq,
     * Shawkat/Shaukat); before other consonants it is the German and Polish в (Dostojewski, Jakowlew).
     */
    private static String diphthongW(String s) {
        int w = s.indexOf('w');
        if (w < 1) {
            return s;
        }
        char[] c = s.toCharArray();
        for (int i = w; i + 1 < c.length; i++) {
            if (c[i] == 'w' && "aeiou".indexOf(c[i - 1]) >= 0 && "hfqk".indexOf(c[i + 1]) >= 0) {
                c[i] = 'u';
            }
        }
        return new String(c);
    }

    /** Other schemes' letters for ш ч щ: German tsch/sch/schtsch, French tch/ch/chtch, Polish cz/sz/szcz. */
    private static String germanFrenchPolish(String s) {
        if (s.indexOf('w') >= 0 && s.contains("ch")) {
            s = s.replaceAll("(?<![st])ch", "h"); // a spelling with w for в is German or Polish: ch is х (Tichonow)
        } else if (s.contains("tch") && s.indexOf("ch", s.indexOf("tch") + 3) >= 0) {
            int rest = s.indexOf("tch") + 3; // French, tch for ч: a ch after it is ш (Tchernychev)
            s = s.substring(0, rest) + s.substring(rest).replace("ch", "sh");
        }
        if (s.indexOf('s') < 0 && !s.contains("chtch")) {
            return s;
        }
        return s.replace("schtsch", "sh").replace("chtch", "sh").replace("szcz", "sh").replace("tsch", "ch")
                .replace("sz", "sh");
    }

    /**
     * Endings one Russian ending is written with: -off/-eff for -ov/-ev (older émigré spelling), French -ine for
     * -in (Poutine, Prigojine), and ё after ж ч ш щ and й written o or e (Gorbachyov/Gorbachev, Solovyov/Soloviev).
     */
    private static String russianEnding(String token, StringBuilder b) {
        int n = b.length();
        if (n > 4 && (token.endsWith("off") || token.endsWith("eff"))) {
            b.setCharAt(n - 1, 'v');
        } else if (n > 5 && token.endsWith("ine")) {
            b.setLength(n - 1);
        }
        String s = b.toString();
        if (s.length() > 5 && (s.endsWith("chov") || s.endsWith("shov") || s.endsWith("jov") || s.endsWith("iov"))) {
            return s.substring(0, s.length() - 2) + "ev";
        }
        return s;
    }

    /**
     * "j" after a vowel and before a consonant or the end is Cyrillic "й", which BGN writes "y" (Sergej/Sergey); in a
     * German or Polish spelling also before a vowel and at the start (Jakowlew/Yakovlev).
     */
    private static String softJ(String token) {
        if (token.indexOf('j') < 0) {
            return token;
        }
        char[] c = token.toCharArray();
        boolean germanOrPolish = token.indexOf('w') >= 0; // w for в: there j is always й (Jakowlew, Dostojewski)
        for (int i = 0; i < c.length; i++) {
            boolean afterVowel = i > 0 && "aeiou".indexOf(c[i - 1]) >= 0;
            boolean beforeVowel = i + 1 < c.length && "aeiou".indexOf(c[i + 1]) >= 0; // French j (ж): Prigojine
            if (c[i] == 'j' && (germanOrPolish ? afterVowel || i == 0 && beforeVowel : afterVowel && !beforeVowel)) {
                c[i] = 'y';
            }
        }
        return new String(c);
    }
}

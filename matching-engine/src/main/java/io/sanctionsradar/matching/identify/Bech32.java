package io.sanctionsradar.matching.identify;

/**
 * The bech32 and bech32m address encodings (BIP 173, BIP 350): a human-readable part, the separator "1", and data
 * characters from a 32-letter alphabet ending in a six-character checksum. Either case is allowed, never both.
 */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32 = 1;
    private static final int BECH32M = 0x2bc830a3;
    private static final int CHECKSUM_LENGTH = 6;
    private static final int MAX_LENGTH = 90;

    private Bech32() {
    }

    /** Whether the text is shaped like a bech32 string: one case, a letter prefix, "1", then data characters. */
    static boolean looksLike(String text) {
        if (text.length() > MAX_LENGTH || !(text.equals(text.toLowerCase(java.util.Locale.ROOT))
                || text.equals(text.toUpperCase(java.util.Locale.ROOT)))) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || lower.length() - separator - 1 < CHECKSUM_LENGTH) {
            return false;
        }
        for (int i = 0; i < separator; i++) {
            if (lower.charAt(i) < 'a' || lower.charAt(i) > 'z') {
                return false;
            }
        }
        for (int i = separator + 1; i < lower.length(); i++) {
            if (CHARSET.indexOf(lower.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a bech32-shaped string (see {@link #looksLike}) carries a valid bech32 or bech32m checksum. */
    static boolean checksumValid(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        int chk = 1;
        for (int i = 0; i < separator; i++) {
            chk = step(chk) ^ (lower.charAt(i) >> 5);
        }
        chk = step(chk);
        for (int i = 0; i < separator; i++) {
            chk = step(chk) ^ (lower.charAt(i) & 31);
        }
        for (int i = separator + 1; i < lower.length(); i++) {
            chk = step(chk) ^ CHARSET.indexOf(lower.charAt(i));
        }
        return chk == BECH32 || chk == BECH32M;
    }

    private static int step(int chk) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5;
        for (int i = 0; i < GENERATOR.length; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }
}

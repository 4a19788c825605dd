package io.sanctionsradar.designation.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names as lists write them ("Korea, North", "Burma", "Iran"), and the adjectives of nationality some use
 * ("Iranian"), to ISO 3166-1 alpha-2 codes.
 */
final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();
    /** Nationality adjectives, as some lists give a nationality ("Russian", "Afghan"). */
    private static final Map<String, String> NATIONALITIES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            CODES.put(key(name), code);
            // the JDK writes "Trinidad & Tobago", "St. Lucia", "Myanmar (Burma)"; lists write "and", "Saint", "Myanmar"
            String written = name.replace(" & ", " and ").replace("St. ", "Saint ");
            CODES.putIfAbsent(key(written), code);
            CODES.putIfAbsent(key(written.replaceAll("\\s*\\(.*\\)$", "")), code);
            CODES.put(key(code), code);
        }
        Map.ofEntries(
                Map.entry("Korea, North", "KP"), Map.entry("North Korea", "KP"), Map.entry("Korea, South", "KR"),
                Map.entry("South Korea", "KR"), Map.entry("Burma", "MM"), Map.entry("Myanmar", "MM"),
                Map.entry("Myanmar (Burma)", "MM"), Map.entry("Russia", "RU"),
                Map.entry("Iran", "IR"), Map.entry("Syria", "SY"), Map.entry("Venezuela", "VE"),
                Map.entry("Bolivia", "BO"), Map.entry("Tanzania", "TZ"), Map.entry("Vietnam", "VN"),
                Map.entry("Laos", "LA"), Map.entry("Moldova", "MD"), Map.entry("Brunei", "BN"),
                Map.entry("Turkey", "TR"), Map.entry("Czech Republic", "CZ"), Map.entry("Macau", "MO"),
                Map.entry("Macao", "MO"), Map.entry("Hong Kong", "HK"), Map.entry("Taiwan", "TW"),
                Map.entry("Congo, Democratic Republic of the", "CD"), Map.entry("Congo, Republic of the", "CG"),
                Map.entry("Cote d'Ivoire", "CI"), Map.entry("Côte d'Ivoire", "CI"), Map.entry("Kosovo", "XK"),
                Map.entry("XK", "XK"),
                Map.entry("Palestinian", "PS"), Map.entry("West Bank", "PS"), Map.entry("Gaza", "PS"),
                Map.entry("United Kingdom", "GB"), Map.entry("UK", "GB"), Map.entry("United States", "US"),
                Map.entry("USA", "US"), Map.entry("The Bahamas", "BS"), Map.entry("Bahamas, The", "BS"),
                Map.entry("Gambia, The", "GM"), Map.entry("Micronesia, Federated States of", "FM"),
                Map.entry("Saint Kitts and Nevis", "KN"), Map.entry("Saint Vincent and the Grenadines", "VC"),
                Map.entry("Curacao", "CW"), Map.entry("Sint Maarten", "SX"), Map.entry("Eswatini", "SZ"),
                Map.entry("North Macedonia", "MK"), Map.entry("Macedonia", "MK"), Map.entry("Bosnia-Herzegovina", "BA"),
                Map.entry("Region: Crimea", "UA"), Map.entry("Crimea", "UA"),
                // the UK's names
                Map.entry("Congo (Democratic Republic)", "CD"), Map.entry("DPRK", "KP"), Map.entry("Palestine", "PS"),
                Map.entry("Occupied Palestinian Territories", "PS"), Map.entry("The Gambia", "GM"),
                Map.entry("Guinea Bissau", "GW"),
                // the UN's formal names
                Map.entry("Democratic Republic of the Congo", "CD"), Map.entry("Republic of the Congo", "CG"),
                Map.entry("Congo", "CG"), Map.entry("Iran (Islamic Republic of)", "IR"),
                Map.entry("Syrian Arab Republic", "SY"), Map.entry("Democratic People's Republic of Korea", "KP"),
                Map.entry("Republic of Korea", "KR"), Map.entry("Russian Federation", "RU"),
                Map.entry("Lao People's Democratic Republic", "LA"), Map.entry("Viet Nam", "VN"),
                Map.entry("United Republic of Tanzania", "TZ"), Map.entry("Bolivia (Plurinational State of)", "BO"),
                Map.entry("Venezuela (Bolivarian Republic of)", "VE"), Map.entry("Republic of Moldova", "MD"),
                Map.entry("State of Palestine", "PS"), Map.entry("Türkiye", "TR"), Map.entry("Côte d’Ivoire", "CI"),
                Map.entry("United Kingdom of Great Britain and Northern Ireland", "GB"),
                Map.entry("United States of America", "US"), Map.entry("Libyan Arab Jamahiriya", "LY"),
                // Australia's names
                Map.entry("United Kingdom of Great Britain", "GB"), Map.entry("Democratic Republic of Congo", "CD"),
                Map.entry("Palestinian Territories", "PS"))
                .forEach((name, code) -> CODES.put(key(name), code));
        // "Congolese" is left out: it is said of both Congos
        Map.ofEntries(
                Map.entry("Afghan", "AF"), Map.entry("Afghani", "AF"), Map.entry("Albanian", "AL"),
                Map.entry("Algerian", "DZ"), Map.entry("American", "US"), Map.entry("Armenian", "AM"),
                Map.entry("Australian", "AU"), Map.entry("Azerbaijani", "AZ"), Map.entry("Bahraini", "BH"),
                Map.entry("Bangladeshi", "BD"), Map.entry("Belarusian", "BY"), Map.entry("Belarussian", "BY"),
                Map.entry("Bosnian", "BA"), Map.entry("British", "GB"), Map.entry("Bulgarian", "BG"),
                Map.entry("Burmese", "MM"), Map.entry("Burundian", "BI"), Map.entry("Central African", "CF"),
                Map.entry("Chadian", "TD"), Map.entry("Chinese", "CN"), Map.entry("Cuban", "CU"),
                Map.entry("Cypriot", "CY"), Map.entry("Egyptian", "EG"), Map.entry("Emirati", "AE"),
                Map.entry("Eritrean", "ER"), Map.entry("Ethiopian", "ET"), Map.entry("Filipino", "PH"),
                Map.entry("French", "FR"), Map.entry("Georgian", "GE"), Map.entry("German", "DE"),
                Map.entry("Indian", "IN"), Map.entry("Indonesian", "ID"), Map.entry("Iranian", "IR"),
                Map.entry("Iraqi", "IQ"), Map.entry("Israeli", "IL"), Map.entry("Italian", "IT"),
                Map.entry("Jordanian", "JO"), Map.entry("Kazakh", "KZ"), Map.entry("Kazakhstani", "KZ"),
                Map.entry("Kenyan", "KE"), Map.entry("Kuwaiti", "KW"), Map.entry("Kyrgyz", "KG"),
                Map.entry("Lebanese", "LB"), Map.entry("Libyan", "LY"), Map.entry("Malaysian", "MY"),
                Map.entry("Malian", "ML"), Map.entry("Mauritanian", "MR"), Map.entry("Mauritian", "MU"),
                Map.entry("Moldovan", "MD"), Map.entry("Moroccan", "MA"), Map.entry("Nigerian", "NG"),
                Map.entry("Nicaraguan", "NI"), Map.entry("North Korean", "KP"), Map.entry("Norwegian", "NO"),
                Map.entry("Pakistani", "PK"), Map.entry("Qatari", "QA"), Map.entry("Russian", "RU"),
                Map.entry("Rwandan", "RW"), Map.entry("Saudi", "SA"), Map.entry("Saudi Arabian", "SA"),
                Map.entry("Senegalese", "SN"), Map.entry("Serbian", "RS"), Map.entry("Slovak", "SK"),
                Map.entry("Somali", "SO"), Map.entry("South Sudanese", "SS"), Map.entry("Spanish", "ES"),
                Map.entry("Sudanese", "SD"), Map.entry("Swedish", "SE"), Map.entry("Syrian", "SY"),
                Map.entry("Tajik", "TJ"), Map.entry("Tanzanian", "TZ"), Map.entry("Tunisian", "TN"),
                Map.entry("Turkish", "TR"), Map.entry("Türkiyish", "TR"), Map.entry("Ugandan", "UG"),
                Map.entry("Ukrainian", "UA"), Map.entry("Ukranian", "UA"), Map.entry("Uzbek", "UZ"),
                Map.entry("Uzbekistani", "UZ"), Map.entry("Venezuelan", "VE"), Map.entry("Yemeni", "YE"),
                Map.entry("Zimbabwean", "ZW"))
                .forEach((adjective, code) -> NATIONALITIES.put(key(adjective), code));
    }

    private Countries() {
    }

    static Optional<String> code(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CODES.get(key(name)));
    }

    /** A country's name or its nationality adjective ("Iranian", "North Korean") to its code. */
    static Optional<String> ofNationality(String text) {
        return code(text).or(() -> Optional.ofNullable(text == null ? null : NATIONALITIES.get(key(text))));
    }

    /** The code itself when {@code code} is an ISO alpha-2 code ("UK" is read as GB); null for anything else. */
    static String iso(String code) {
        return code == null || !code.matches("[A-Z]{2}") ? null : code(code).orElse(null);
    }

    private static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

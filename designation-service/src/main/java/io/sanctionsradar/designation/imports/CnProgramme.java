package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lists of China's curated countermeasure file ({@link CnCountermeasuresCsv}) as this service's authorities and
 * programmes, each with the measures its law provides for. The file does not say which measures each decision
 * applied, so an entry carries those its list usually imposes; an analyst corrects a decision that differs.
 */
enum CnProgramme {

    /** The Ministry of Foreign Affairs' countermeasures, before and under the Anti-Foreign Sanctions Law. */
    MFA_COUNTERMEASURES("CN-MFA", "CN-COUNTERMEASURES", "MFA/CM"),
    /** MOFCOM's "List of Targets of Countermeasures": its decisions prohibit transactions and cooperation only. */
    MOFCOM_COUNTERMEASURES("CN-MOFCOM", "CN-MOFCOM-COUNTERMEASURES", "MOFCOM/CM"),
    UNRELIABLE_ENTITIES("CN-MOFCOM", "CN-UNRELIABLE-ENTITY-LIST", "MOFCOM/UEL"),
    EXPORT_CONTROL("CN-MOFCOM", "CN-EXPORT-CONTROL", "MOFCOM/ECL"),
    EXPORT_CONTROL_WATCH("CN-MOFCOM", "CN-EXPORT-CONTROL-WATCH", "MOFCOM/ECWL"),
    TAIWAN_INDEPENDENCE("CN-TAO", "CN-TAIWAN-INDEPENDENCE", "TAO/TI");

    /** The day the Anti-Foreign Sanctions Law came into force, and with it the freezing of property in China. */
    static final LocalDate AFSL_IN_FORCE = LocalDate.of(2021, 6, 10);

    private static final String CHINA = "Mainland China, Hong Kong and Macao";
    private static final String IN_CHINA = "Organisations and individuals in China";
    static final Measure ENTRY_BAN = new Measure(MeasureType.ENTRY_BAN, CHINA,
            "No visa, no entry, or deportation (Anti-Foreign Sanctions Law, Art. 6(1))", null, null);
    /** Before the law, and on the Taiwan Affairs Office's lists: the announcements bar the family too. */
    static final Measure FAMILY_ENTRY_BAN = new Measure(MeasureType.ENTRY_BAN, CHINA,
            "The person and their family members barred from entering", null, null);
    static final Measure PROPERTY_FREEZE = new Measure(MeasureType.ASSET_FREEZE, "Property in China",
            "Movable, immovable and other property in China sealed, seized or frozen (Anti-Foreign Sanctions Law, "
                    + "Art. 6(2))", null, null);
    static final Measure DEALINGS_BAN = new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, IN_CHINA,
            "Transactions and cooperation with the target prohibited or restricted (Anti-Foreign Sanctions Law, "
                    + "Art. 6(3))", null, null);
    /** Before the law, China's announcements barred the target and its associates from doing business with China. */
    static final Measure BUSINESS_BAN = new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, IN_CHINA,
            "The target and the companies and institutions associated with it restricted from doing business with "
                    + "China", null, null);
    static final Measure TRADE_BAN = new Measure(MeasureType.EXPORT_PRIVILEGES_DENIED, "China-related import and "
            + "export", "Prohibited from import and export activities related to China (Provisions on the Unreliable "
            + "Entity List, Art. 10(1))", null, null);
    static final Measure INVESTMENT_BAN = new Measure(MeasureType.INVESTMENT_BAN, "China",
            "No new investment in China (Provisions on the Unreliable Entity List, Art. 10(2))", null, null);
    static final Measure MANAGER_ENTRY_BAN = new Measure(MeasureType.ENTRY_BAN, CHINA, "No entry; work permit, "
            + "stay and residence refused or revoked (Provisions on the Unreliable Entity List, Art. 10(3), (4))",
            null, null);
    /** The control list: the obligation is the exporter's, like the US Entity List with a policy of denial. */
    static final Measure EXPORT_BAN = new Measure(MeasureType.EXPORT_LICENSE_REQUIRED, "Exports from China",
            "Export ban on dual-use items to the listed end user (Export Control Law, Art. 18)", "All dual-use items",
            "Prohibited; exports under way must stop; in special circumstances the exporter applies to MOFCOM");
    static final Measure WATCH = new Measure(MeasureType.EXPORT_LICENSE_REQUIRED, "Exports from China",
            "Listed importer or end user under watch", "All dual-use items", "No general licence or registration; "
            + "an application for an individual licence needs a risk assessment and the end user's commitments");
    static final Measure TAIWAN_DEALINGS_BAN = new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, "Mainland China",
            "Affiliated organisations may not cooperate with mainland organisations and individuals; affiliated "
                    + "enterprises and sponsors may not profit in the mainland", null, null);

    final String authority;
    final String code;
    /** The programme's part of a source id: which list of which body. */
    final String key;

    CnProgramme(String authority, String code, String key) {
        this.authority = authority;
        this.code = code;
        this.key = key;
    }

    /** The list a row's Body and List name; null for one this format does not know. */
    static CnProgramme of(String body, String list) {
        String l = list == null ? "" : list.toLowerCase(Locale.ROOT);
        return switch (body) {
            case "Ministry of Foreign Affairs" ->
                    l.isEmpty() || l.equals("afsl") || l.contains("countermeasures") ? MFA_COUNTERMEASURES : null;
            case "Ministry of Commerce" -> switch (l) {
                case "list of targets of countermeasures" -> MOFCOM_COUNTERMEASURES;
                case "uel" -> UNRELIABLE_ENTITIES;
                case "list of export controls" -> EXPORT_CONTROL;
                case "export control watch list" -> EXPORT_CONTROL_WATCH;
                default -> null;
            };
            // one office under two names: the State Council's and the CPC Central Committee's
            case "Taiwan Affairs Office of the State Council", "Taiwan Work Office of the CPC Central Committee" ->
                    TAIWAN_INDEPENDENCE;
            default -> null;
        };
    }

    List<Measure> measures(SubjectType type, LocalDate listedOn) {
        boolean person = type == SubjectType.PERSON;
        List<Measure> measures = new ArrayList<>();
        switch (this) {
            case MFA_COUNTERMEASURES -> {
                boolean underLaw = !listedOn.isBefore(AFSL_IN_FORCE);
                if (person) {
                    measures.add(underLaw ? ENTRY_BAN : FAMILY_ENTRY_BAN);
                }
                if (underLaw) {
                    measures.add(PROPERTY_FREEZE);
                }
                measures.add(underLaw ? DEALINGS_BAN : BUSINESS_BAN);
            }
            case MOFCOM_COUNTERMEASURES -> measures.add(DEALINGS_BAN);
            case UNRELIABLE_ENTITIES -> measures.addAll(person ? List.of(MANAGER_ENTRY_BAN)
                    : List.of(TRADE_BAN, INVESTMENT_BAN));
            case EXPORT_CONTROL -> measures.add(EXPORT_BAN);
            case EXPORT_CONTROL_WATCH -> measures.add(WATCH);
            case TAIWAN_INDEPENDENCE -> {
                if (person) {
                    measures.add(FAMILY_ENTRY_BAN);
                }
                measures.add(TAIWAN_DEALINGS_BAN);
            }
        }
        return measures;
    }
}

package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;
import io.sanctionsradar.designation.imports.XmlRecords.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Canada's Consolidated Canadian Autonomous Sanctions List ({@code sema-lmes.xml}, Global Affairs Canada): one
 * {@code record} per listing under {@code data-set}, in either tag set GAC has published, which each record's
 * elements tell apart: the current one ({@code EntityOrShip}, {@code DateOfBirthOrShipBuildDate},
 * {@code TitleOrShip}, {@code ShipIMONumber}, {@code DateOfListing}) or the older one ({@code Entity},
 * {@code DateOfBirth}, {@code Title}, no listing date, e.g. May 2022).
 *
 * <p>Canada publishes no entry id, so the source id is the listing's place in its regulations: regime, part of
 * Schedule 1 and item, {@code CN/1/1} for Zhu Hailun (China, Part 1, item 1), {@code CN/2/1} for the XPCC Public
 * Security Bureau, {@code RU/S2/4} for item 4 of Russia's Schedule 2 ({@link Place}). It is stable because Canada
 * amends a schedule by adding items after the last one and leaves a delisted item's number empty rather than
 * renumbering. The May 2022 and September 2025 snapshots bear this out: of the 2,497 ids in both, 2,495 name the
 * same party (two with a corrected spelling); the 107 ids only in the older file are not reused; a party delisted
 * and listed again gets a new item (Igor Makarov, Russia Part 1 item 734, then 1315). The one exception: South
 * Sudan's items 1 and 2 swapped. The id also survives GAC's rewording of the regime ("Burma" became "Myanmar
 * (Burma)", MM either way) and of the place ("2", "1, Part 2" and "Part 2" are all Part 2 of Schedule 1).
 */
public class CaSemaXml implements ListFormat {

    public static final String SOURCE_LIST = "CA-SEMA";
    static final String AUTHORITY = "CA-GAC";
    private static final String CANADIANS = "Persons in Canada and Canadians outside Canada";
    private static final String SEMA = "Special Economic Measures Act";
    private static final String JVCFOA = "Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)";

    /**
     * Schedule 1 of every regulation, in all its parts (they group listed persons by kind or ground, not by measure):
     * the dealings prohibition, whose part on the listed person's property is an asset freeze.
     */
    static final Measure FREEZE = new Measure(MeasureType.ASSET_FREEZE, CANADIANS, "Dealings prohibition: no "
            + "dealing in any property of the listed person, and no transaction or financial service related to it",
            null, null);
    /** Part two of the same prohibition: it bars more than the property, so it is a measure of its own. */
    static final Measure DEALINGS = new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, CANADIANS, "No goods made "
            + "available and no financial or related services provided to or for the benefit of the listed person",
            null, null);
    /** Russia's Schedule 1.1 lists ships; a ban on docking and passage is the closest measure the domain has. */
    static final Measure SHIP_BAN = new Measure(MeasureType.ENTRY_BAN, "Canadian ports and waters", "Listed ship: "
            + "may not dock in or pass through Canada, and services related to it are prohibited", null, null);
    /** Russia's Schedules 2 and 3 limit dealings in the listed entities' new debt and equity, not all dealings. */
    static final Measure NEW_DEBT = new Measure(MeasureType.SECTORAL_RESTRICTIONS, CANADIANS, "Restrictions on "
            + "dealings in the listed entity's new debt and equity (Schedules 2 and 3 of the Russia Regulations)",
            null, null);

    private static final Pattern PART = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)\\s*,\\s*)?Part\\s+(\\d+(?:\\.\\d+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern ITEM = Pattern.compile("[0-9A-Za-z.]{1,16}");
    private static final Pattern ALIAS_SEPARATOR = Pattern.compile("\\s*;\\s*|,\\s+");
    /** "Belarusian: Ганна …", "(Russian: …": GAC labels the language of some aliases. */
    private static final Pattern LANGUAGE = Pattern.compile(
            "^\\(?\\s*(?:Belaru(?:s|ss)ian|Russian|Ukrainian|Arabic|Chinese|Persian)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_SEPARATOR = Pattern.compile("\\s+or\\s+|(?<=^\\d{4})-(?=\\d{4}$)",
            Pattern.CASE_INSENSITIVE);

    /** The two tag sets; a record that has an element only the current set has is in the current set. */
    private enum Tags {
        CURRENT("EntityOrShip", "DateOfBirthOrShipBuildDate", "TitleOrShip"),
        LEGACY("Entity", "DateOfBirth", "Title");

        private static final Set<String> CURRENT_ONLY = Set.of("EntityOrShip", "DateOfBirthOrShipBuildDate",
                "TitleOrShip", "ShipIMONumber", "DateOfListing");
        private static final Set<String> LEGACY_ONLY = Set.of("Entity", "DateOfBirth", "Title");

        final String entity;
        final String birth;
        final String title;

        Tags(String entity, String birth, String title) {
            this.entity = entity;
            this.birth = birth;
            this.title = title;
        }

        /** Null when the record mixes both sets: which of two names or dates counts would be a guess. */
        static Tags of(Element record) {
            boolean current = record.children().stream().anyMatch(c -> CURRENT_ONLY.contains(c.name()));
            boolean legacy = record.children().stream().anyMatch(c -> LEGACY_ONLY.contains(c.name()));
            return current && legacy ? null : current ? CURRENT : LEGACY;
        }
    }

    /** A regime as the {@code Country} element names it: its programme and the key its source ids start with. */
    record Regime(String programme, String key, String act) {

        /** "China / Chine" → CA-SEMA-CN; the JVCFOR regulations are under another act, so another programme. */
        static Regime of(String country) {
            String english = ListFiles.clean(country.split("/")[0]);
            if (english.contains("JVCFOR") || english.startsWith("Justice for Victims")) {
                return new Regime("CA-JVCFOA", "JVCFOA", JVCFOA);
            }
            String key = Countries.code(english).orElseGet(() -> ListFiles.programmeCode("CA", english).substring(3));
            String programme = "CA-SEMA-" + key;
            return new Regime(programme.length() > 64 ? programme.substring(0, 64).replaceAll("-$", "") : programme,
                    key, SEMA);
        }
    }

    /**
     * Where a listing stands: {@code schedule} is null where the file names only a part (or nothing), {@code part}
     * null where the schedule has no parts. GAC writes it "1, Part 2", "Part 2", or, in the 2022 file, "2" alone
     * for Part 2 of Schedule 1; only Russia lists names in other schedules (1.1 ships, 2 and 3), so a bare number
     * other than 1 is a schedule there.
     */
    record Place(String schedule, String part) {

        /** Null when the text is no place GAC writes. */
        static Place of(String text, Regime regime) {
            String s = text == null ? "" : ListFiles.clean(text);
            if (s.isEmpty() || s.equalsIgnoreCase("N/A")) {
                return new Place(null, null);
            }
            Matcher m = PART.matcher(s);
            if (m.matches()) {
                return new Place(m.group(1), m.group(2));
            }
            if (!NUMBER.matcher(s).matches()) {
                return null;
            }
            return "RU".equals(regime.key()) && !s.equals("1") ? new Place(s, null) : new Place(null, s);
        }

        /** "1", "2", "1.1" for a part of Schedule 1 (1 when it has none); "S2" for another schedule. */
        String id() {
            String inSchedule = part == null ? "1" : part;
            return schedule == null || schedule.equals("1") ? inSchedule
                    : "S" + schedule + (part == null ? "" : "-" + part);
        }

        String reference(String item) {
            String text = Stream.of(schedule == null ? null : "Schedule " + schedule, part == null ? null : "Part " + part,
                    "item " + item).filter(Objects::nonNull).collect(Collectors.joining(", "));
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        List<Measure> measures(SubjectType type, Regime regime) {
            List<Measure> measures = new ArrayList<>(switch (schedule == null ? "1" : schedule) {
                case "1" -> List.of(FREEZE, DEALINGS);
                case "1.1" -> List.of(SHIP_BAN);
                default -> List.of(NEW_DEBT); // a schedule other than 1 and 1.1 limits some dealings only
            });
            if (type == SubjectType.PERSON) {
                measures.add(new Measure(MeasureType.ENTRY_BAN, "Canada", "Inadmissible to Canada (Immigration and "
                        + "Refugee Protection Act, s. 35.1(1)) while listed under the " + regime.act(), null, null));
            }
            return measures;
        }
    }

    @Override
    public String name() {
        return "ca-sema-xml";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        XmlRecords.read(ListFiles.single(files, name()), "data-set", Set.of("record"), record -> {
            String problem = problem(record);
            if (problem == null) {
                entries.add(ListEntry.atLine(record.line(), draft(record, Tags.of(record))));
            } else {
                rejections.add(Rejection.atLine(record.line(), null, problem));
            }
        });
        return new ParsedList(SOURCE_LIST, entries, rejections);
    }

    /** Why the record cannot be an entry, or null. */
    private static String problem(Element record) {
        Tags tags = Tags.of(record);
        if (tags == null) {
            return "the record mixes the older tags (Entity, DateOfBirth, Title) with the current ones";
        }
        String name = Stream.of(record.child(tags.entity), record.child("LastName"), record.child("GivenName"))
                .map(ListFiles::clean).filter(n -> !n.isEmpty()).collect(Collectors.joining(" "));
        if (name.isBlank()) {
            return "no name: neither " + tags.entity + " nor LastName or GivenName";
        }
        if (record.child("Country") == null || Regime.of(record.child("Country")).key().isEmpty()) {
            return name + ": no Country, so no regime to list it under";
        }
        if (record.child("Item") == null || !ITEM.matcher(record.child("Item")).matches()) {
            return name + ": no Item number (Schedule " + record.child("Schedule") + "); Canada's list identifies "
                    + "an entry only by its regime, schedule and item";
        }
        if (Place.of(record.child("Schedule"), Regime.of(record.child("Country"))) == null) {
            return name + ": Schedule '" + record.child("Schedule") + "' is not a schedule or part as GAC writes them";
        }
        return null;
    }

    private static DesignationDraft draft(Element record, Tags tags) {
        Regime regime = Regime.of(record.child("Country"));
        Place place = Place.of(record.child("Schedule"), regime);
        String item = record.child("Item");
        String last = ListFiles.clean(record.child("LastName"));
        String given = ListFiles.clean(record.child("GivenName"));
        String imo = record.child("ShipIMONumber");
        SubjectType type = !last.isEmpty() || !given.isEmpty() ? SubjectType.PERSON
                : imo != null ? SubjectType.VESSEL : SubjectType.ORGANIZATION;
        List<String> names = type == SubjectType.PERSON ? List.of(last.isEmpty() || given.isEmpty()
                ? (last + " " + given).strip() : last + ", " + given) : bilingual(record.child(tags.entity));
        Set<Alias> aliases = new LinkedHashSet<>();
        Stream.concat(names.stream().skip(1), aliasNames(record.child("Aliases")).stream())
                .filter(a -> !a.equals(names.get(0)))
                .forEach(a -> aliases.add(new Alias(ListFiles.cut(a, 512), AliasKind.AKA, ListFiles.script(a))));
        List<String> remarks = new ArrayList<>();
        String born = record.child(tags.birth);
        List<String> birthDates = type == SubjectType.VESSEL || born == null ? List.of() : dates(born);
        if (type == SubjectType.VESSEL && born != null) {
            remarks.add("Built: " + born);
        } else if (born != null && birthDates.size() != DATE_SEPARATOR.split(born).length) {
            remarks.add("Date of birth as listed: " + born); // partly or not a date ("born in the early 1970s")
        }
        String title = record.child(tags.title);
        VesselDetails vessel = null;
        if (type == SubjectType.VESSEL) {
            boolean valid = imo.matches("\\d{7}");
            vessel = new VesselDetails(valid ? imo : null, null, null, null, ListFiles.cut(title, 64), null, null);
            if (!valid) {
                remarks.add("IMO number as listed: " + imo);
            }
        } else if (title != null) {
            remarks.add("Title: " + title);
        }
        Subject subject = new Subject(type, ListFiles.cut(names.get(0), 512), List.copyOf(aliases), birthDates,
                List.of(), List.of(), List.of(), List.of(), List.of(), vessel, null,
                remarks.isEmpty() ? null : ListFiles.cut(String.join(". ", remarks), 8192));
        return new DesignationDraft(AUTHORITY, List.of(regime.programme()), regime.act(),
                ListFiles.isoDate(record.child("DateOfListing")), SOURCE_LIST,
                regime.key() + "/" + place.id() + "/" + item, place.reference(item), null,
                place.measures(type, regime), subject, List.of());
    }

    /** "1963 or 1964", "1963-1964", "1972-08-10 or 1972-08-11": every real (partial) date the text holds. */
    private static List<String> dates(String text) {
        return Arrays.stream(DATE_SEPARATOR.split(text)).map(String::strip).filter(ListFiles::partialDate)
                .distinct().toList();
    }

    /** GAC's free-text aliases: separated by ";" or ", ", some with a language label, some bilingual with "/". */
    private static List<String> aliasNames(String field) {
        if (field == null) {
            return List.of();
        }
        return ALIAS_SEPARATOR.splitAsStream(field).map(a -> LANGUAGE.matcher(a.strip()).replaceFirst(""))
                .flatMap(a -> bilingual(a).stream()).map(CaSemaXml::balanced).filter(a -> !a.isEmpty()).distinct()
                .toList();
    }

    /**
     * "Iranian Army/Armée iranienne" → both names; "M/V Maria", "Victory/Pobeda Political Bloc" and a slash in
     * brackets stay whole: a slash divides two names only where the text on each side has more than one word.
     */
    static List<String> bilingual(String text) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            if (c == '/' && depth == 0) {
                segments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        segments.add(text.substring(start));
        List<String> names = new ArrayList<>();
        String current = segments.get(0);
        for (String next : segments.subList(1, segments.size())) {
            if (ListFiles.clean(current).contains(" ") && ListFiles.clean(next).contains(" ")) {
                names.add(current);
                current = next;
            } else {
                current = current + "/" + next;
            }
        }
        names.add(current);
        return names.stream().map(ListFiles::clean).filter(n -> !n.isEmpty()).toList();
    }

    /** Without a bracket the alias opens or closes but does not pair ("(Юрий …", "… банк)"). */
    private static String balanced(String alias) {
        String a = alias;
        if (a.startsWith("(") && !a.contains(")")) {
            a = a.substring(1);
        }
        if (a.endsWith(")") && !a.contains("(")) {
            a = a.substring(0, a.length() - 1);
        }
        return ListFiles.clean(a);
    }
}

package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Designation;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.DesignationKind;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.RespondsTo;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which recorded designations an imported countermeasure is linked to, without a database. */
class CountermeasureLinksTest {

    private static final LocalDate MARCH_22 = LocalDate.of(2021, 3, 22);
    private static final RespondsTo CANADA = new RespondsTo(null, "CA-GAC", MARCH_22, "Canada's Xinjiang listings");

    private final List<String> lookups = new ArrayList<>();
    private final List<Designation> recorded = List.of(
            // Canada's file gives no nationality: its China regulations say whose parties these are
            designation("zhu", "CA-SEMA-CN", LocalDate.of(2021, 3, 21), List.of(), List.of()),
            designation("psb", "CA-SEMA-CN", LocalDate.of(2021, 3, 21), List.of(), List.of()),
            designation("russian", "CA-SEMA-RU", LocalDate.of(2021, 3, 21), List.of(), List.of()),
            designation("hong-kong", "CA-JVCFOA", LocalDate.of(2021, 3, 23), List.of(), List.of("HK")),
            designation("stateless", "CA-JVCFOA", LocalDate.of(2021, 3, 22), List.of(), List.of()));
    private final CountermeasureLinks links = new CountermeasureLinks((authority, from, to) -> {
        lookups.add(authority + " " + from + ".." + to);
        return recorded.stream().filter(d -> !d.listedOn().isBefore(from) && !d.listedOn().isAfter(to)).toList();
    }, Map.of("CN-MFA", "CN")::get);

    @Test
    void a_known_action_links_the_designations_of_chinas_parties_listed_within_a_day_of_it() {
        DesignationDraft linked = links.linked(countermeasure(List.of(CANADA)), null);

        assertEquals(List.of(CANADA, answer("zhu"), answer("psb"), answer("hong-kong")), linked.respondsTo());
        assertEquals(List.of("CA-GAC 2021-03-21..2021-03-23"), lookups);
    }

    @Test
    void an_action_is_looked_up_once_per_import_however_many_countermeasures_answer_it() {
        links.linked(countermeasure(List.of(CANADA)), null);
        links.linked(countermeasure(List.of(CANADA)), null);

        assertEquals(1, lookups.size());
    }

    @Test
    void an_answer_that_names_no_known_action_links_nothing() {
        ListEntry entry = countermeasure(List.of());

        assertEquals(entry.draft(), links.linked(entry, null));
        assertEquals(List.of(), lookups);
    }

    @Test
    void a_countermeasure_imported_before_keeps_the_links_it_has_and_is_not_looked_up_again() {
        ListEntry entry = countermeasure(List.of(CANADA));
        Designation existing = Designation.record("cm", DesignationKind.COUNTERMEASURE,
                withAnswers(entry.draft(), List.of(CANADA, answer("psb"))), null, Instant.now());

        assertEquals(List.of(CANADA, answer("psb")), links.linked(entry, existing).respondsTo());
        assertEquals(List.of(), lookups);
    }

    @Test
    void a_designation_is_left_as_it_is() {
        ListEntry entry = ListEntry.atLine(2, withAnswers(countermeasure(List.of()).draft(), List.of()));

        assertEquals(entry.draft(), links.linked(entry, null));
    }

    private static ListEntry countermeasure(List<RespondsTo> known) {
        Subject subject = new Subject(SubjectType.PERSON, "Michael Chong", null, null, null, List.of("CA"), null, null,
                null, null, null, null);
        DesignationDraft draft = new DesignationDraft("CN-MFA", List.of("CN-COUNTERMEASURES"), null,
                LocalDate.of(2021, 3, 27), "CN-COUNTERMEASURES", "MFA/CM/2021-03-27/michael-chong", null, null,
                List.of(new Measure(MeasureType.ENTRY_BAN, null, null, null, null)), subject, List.of(CANADA));
        return ListEntry.countermeasureAtLine(61, draft, known);
    }

    private static Designation designation(String id, String programme, LocalDate listedOn, List<String> nationalities,
                                           List<String> addressCountries) {
        Subject subject = new Subject(SubjectType.PERSON, id, null, null, null, nationalities, null,
                addressCountries.stream().map(c -> new Address(null, null, null, null, c)).toList(), null, null, null,
                null);
        DesignationDraft draft = new DesignationDraft("CA-GAC", List.of(programme), null, listedOn, "CA-SEMA", id, null,
                null, List.of(new Measure(MeasureType.ASSET_FREEZE, null, null, null, null)), subject, null);
        return Designation.record(id, DesignationKind.DESIGNATION, draft, null, Instant.now());
    }

    private static DesignationDraft withAnswers(DesignationDraft d, List<RespondsTo> answers) {
        return new DesignationDraft(d.authority(), d.programs(), d.legalBasis(), d.listedOn(), d.sourceList(),
                d.sourceId(), d.sourceReference(), d.sourceUrl(), d.measures(), d.subject(), answers);
    }

    private static RespondsTo answer(String designationId) {
        return new RespondsTo(designationId, null, null, null);
    }
}

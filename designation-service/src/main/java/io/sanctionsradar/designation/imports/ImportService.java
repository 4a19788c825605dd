package io.sanctionsradar.designation.imports;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.sanctionsradar.designation.domain.Designation;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.persistence.AuthorityEntity;
import io.sanctionsradar.designation.persistence.DesignationStore;
import io.sanctionsradar.designation.persistence.ProgrammeEntity;
import io.sanctionsradar.designation.service.DesignationService;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import io.sanctionsradar.support.errors.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports a published list as a diff against what the previous imports of the same list recorded: new entries
 * are listed, changed ones amended, missing ones delisted, unchanged ones left alone (no event). A delta (a file of
 * the changes only) delists just the ids it names as removed. One transaction:
 * a list is imported entirely or not at all, and every change goes through the outbox like any other. Each entry is
 * recorded as the kind its parser says; a countermeasure is linked to the designations it answers
 * ({@link CountermeasureLinks}).
 */
@ApplicationScoped
public class ImportService {

    private static final int FLUSH_EVERY = 500;

    /** Every format a list can be imported in; the parsers are plain Java, so they are simply listed here. */
    private final List<ListFormat> formats = List.of(new OfacSdnCsv(), new UsCslCsv(), new UnXml(),
            new UkOfsiCsv(), new UkOfsi2022(), new OfacXml(), new EuFsfXml(), new CaSemaXml(),
            new CnCountermeasuresCsv(), new AuDfatXlsx(), new OpenSanctionsFtm());

    @Inject
    DesignationService designations;

    @Inject
    AuditTrail audit;

    @Inject
    DesignationStore store;

    @Inject
    Validator validator;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "imports.max-delisting-share")
    double maxDelistingShare;

    public List<String> formatNames() {
        return formats.stream().map(ListFormat::name).sorted().toList();
    }

    /** Reads the files in the format; nothing is stored. */
    public ParsedList parse(String format, Map<String, Path> files) throws IOException {
        ListFormat parser = formats.stream().filter(f -> f.name().equals(format)).findFirst()
                .orElseThrow(() -> InvalidRequest.of("format",
                        "unknown format " + format + "; known formats: " + formatNames()));
        return parser.parse(files);
    }

    /** Applies a parsed list as a diff, in one transaction, as {@code actor}, audited as one {@code list.imported}. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport apply(String format, ParsedList parsed, boolean force, String actor, Set<String> fileNames) {
        List<Rejection> rejected = new ArrayList<>(parsed.rejections());
        List<ListEntry> entries = identified(parsed.entries(), rejected);
        registerUnknownProgrammes(parsed);
        Map<String, Designation> current = store.activeBySourceList(parsed.sourceList());
        Set<String> inFile = new HashSet<>();
        entries.forEach(e -> inFile.add(e.draft().sourceId()));
        rejected.forEach(r -> inFile.add(r.sourceId()));
        // a delta delists only the ids it names; a whole list what it lacks
        List<Designation> missing = current.values().stream()
                .filter(d -> parsed.delta() ? parsed.removed().contains(d.sourceId()) : !inFile.contains(d.sourceId()))
                .sorted(Comparator.comparing(Designation::sourceId)).toList();
        if (!force && missing.size() > maxDelistingShare * current.size()) {
            throw new Conflict("This file would delist " + missing.size()
                    + " of the " + current.size() + " active entries of " + parsed.sourceList() + ", more than "
                    + Math.round(maxDelistingShare * 100) + "%: a truncated download? Nothing was imported; send "
                    + "force=true to import it anyway", List.of(new FieldError("force", "needed for this delisting")));
        }
        int listed = 0;
        int amended = 0;
        int unchanged = 0;
        LocalDate today = LocalDate.now();
        CountermeasureLinks links = new CountermeasureLinks(store::activeDesignationsListedBetween,
                code -> AuthorityEntity.<AuthorityEntity>findByIdOptional(code).map(a -> a.country).orElse(null));
        int done = 0;
        for (ListEntry entry : entries) {
            Designation existing = current.get(entry.draft().sourceId());
            DesignationDraft draft = withListedOn(links.linked(entry, existing),
                    existing != null ? existing.listedOn() : today);
            Set<ConstraintViolation<DesignationDraft>> violations = validator.validate(draft);
            if (!violations.isEmpty()) {
                rejected.add(entry.reject(describe(violations)));
                continue;
            }
            try {
                if (existing == null) {
                    designations.recordFromImport(entry.kind(), draft, actor);
                    listed++;
                } else if (designations.preview(existing, draft).sameContentAs(existing)) {
                    unchanged++; // decided in memory: re-importing an unchanged list costs no query per entry
                } else if (designations.amendFromImport(UUID.fromString(existing.designationId()), draft, actor)
                        .version() > existing.version()) {
                    amended++;
                } else {
                    unchanged++;
                }
            } catch (RequestRejected e) {
                rejected.add(entry.reject(e.getMessage() + e.errors().stream()
                        .map(f -> "; " + f.field() + ": " + f.message()).collect(Collectors.joining())));
            }
            if (++done % FLUSH_EVERY == 0) {
                // keeps the persistence context small; otherwise every query re-checks thousands of entities
                entityManager.flush();
                entityManager.clear();
            }
        }
        for (Designation gone : missing) {
            designations.delistFromImport(UUID.fromString(gone.designationId()), today,
                    (parsed.delta() ? "Deleted by a delta of " : "No longer on ") + parsed.sourceList()
                            + " (import of " + format + ")", actor);
        }
        ImportReport report = new ImportReport(parsed.sourceList(), format, listed, amended, missing.size(),
                unchanged, rejected);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("format", format);
        detail.put("files", List.copyOf(fileNames));
        detail.put("forced", force);
        detail.put("delta", parsed.delta());
        detail.put("listed", listed);
        detail.put("amended", amended);
        detail.put("delisted", missing.size());
        detail.put("unchanged", unchanged);
        detail.put("rejected", rejected.size());
        audit.record("list.imported", "list/" + parsed.sourceList(), detail);
        return report;
    }

    /** Lists name programmes that may be new here; they are registered under the list's authority. */
    private void registerUnknownProgrammes(ParsedList parsed) {
        Map<String, String> programmes = new HashMap<>();
        parsed.entries().forEach(e -> e.draft().programs().forEach(p -> programmes.putIfAbsent(p, e.draft().authority())));
        programmes.forEach((code, authority) -> {
            if (code.length() <= 64 && ProgrammeEntity.findById(code) == null) {
                ProgrammeEntity programme = new ProgrammeEntity();
                programme.code = code;
                programme.authorityCode = authority;
                programme.name = code + " (registered by an import of " + parsed.sourceList() + ")";
                programme.persist();
            }
        });
    }

    private static DesignationDraft withListedOn(DesignationDraft d, LocalDate listedOn) {
        if (d.listedOn() != null) {
            return d;
        }
        return new DesignationDraft(d.authority(), d.programs(), d.legalBasis(), listedOn, d.sourceList(), d.sourceId(),
                d.sourceReference(), d.sourceUrl(), d.measures(), d.subject(), d.respondsTo());
    }

    /** Every format keys its entries by the list's own id: one without an id, or a repeated one, is rejected. */
    private static List<ListEntry> identified(List<ListEntry> entries, List<Rejection> rejected) {
        Set<String> seen = new HashSet<>();
        List<ListEntry> identified = new ArrayList<>(entries.size());
        for (ListEntry entry : entries) {
            String id = entry.draft().sourceId();
            if (id == null) {
                rejected.add(entry.reject("the entry has no id of its list"));
            } else if (!seen.add(id)) {
                rejected.add(entry.reject("id " + id + " appears twice in the file; kept the first"));
            } else {
                identified.add(entry);
            }
        }
        return identified;
    }

    private static String describe(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString().replace(".<list element>", "") + " "
                + v.getMessage()).sorted().collect(Collectors.joining("; "));
    }
}

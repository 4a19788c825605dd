package io.sanctionsradar.designation.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.Designation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Stores designations as JSON documents with their filter columns, and their version history. */
@ApplicationScoped
public class DesignationStore {

    @Inject
    ObjectMapper json;

    /** {@code answering}: only the countermeasures that answer this designation ({@link #countermeasuresAnswering}). */
    public record Filter(String authority, String program, String status, String kind, String sourceList,
                         String sourceId, String query, java.time.LocalDate listedOn, Designation answering) {
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    public Optional<Designation> find(UUID id) {
        return DesignationEntity.<DesignationEntity>findByIdOptional(id).map(e -> read(e.state, Designation.class));
    }

    /** Locks the row until the transaction ends, so concurrent changes to one designation queue up. */
    public Optional<Designation> findForUpdate(UUID id) {
        return DesignationEntity.<DesignationEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(e -> read(e.state, Designation.class));
    }

    /** Locks the designation's row until the transaction ends, as {@link #findForUpdate} does; false if none. */
    public boolean lock(UUID id) {
        return DesignationEntity.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).isPresent();
    }

    public Optional<UUID> findActiveBySource(String sourceList, String sourceId) {
        // the id alone: loading the entity would parse its whole JSON document for nothing
        return DesignationEntity.getEntityManager().createQuery(
                        "select d.id from DesignationEntity d where d.sourceList = :list and d.sourceId = :id"
                                + " and d.status = 'ACTIVE'", UUID.class)
                .setParameter("list", sourceList).setParameter("id", sourceId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Saves a new version, the current state and the history row with what changed; returns the state as JSON. */
    public String save(Designation designation, String changedBy, String changesJson) {
        UUID id = UUID.fromString(designation.designationId());
        String state = write(designation);
        // a later version was loaded (and locked) by the caller, so this finds it without a query
        DesignationEntity entity = designation.version() == 1 ? null : DesignationEntity.findById(id);
        if (entity == null) {
            entity = new DesignationEntity();
            entity.id = id;
            entity.createdAt = designation.recordedAt();
        }
        entity.kind = designation.kind().name();
        entity.status = designation.status().name();
        entity.version = designation.version();
        entity.authorityCode = designation.authority();
        entity.sourceList = designation.sourceList();
        entity.sourceId = designation.sourceId();
        entity.primaryName = designation.subject().name();
        entity.searchText = searchText(designation);
        entity.listedOn = designation.listedOn();
        entity.state = state;
        entity.updatedAt = designation.recordedAt();
        entity.persist();
        DesignationVersionEntity version = new DesignationVersionEntity();
        version.key = new DesignationVersionEntity.Key(id, designation.version());
        version.eventType = designation.eventType();
        version.changedAt = designation.recordedAt();
        version.changedBy = changedBy;
        version.state = state;
        version.changes = changesJson;
        version.persist();
        return state;
    }

    public PageOf<Designation> browse(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.authority() != null) {
            where.add("authorityCode = :authority");
            parameters.and("authority", filter.authority());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.sourceList() != null) {
            where.add("sourceList = :sourceList");
            parameters.and("sourceList", filter.sourceList());
        }
        if (filter.sourceId() != null) {
            where.add("sourceId = :sourceId");
            parameters.and("sourceId", filter.sourceId());
        }
        if (filter.program() != null) {
            where.add("function('jsonb_exists', function('jsonb_extract_path', state, 'programs'), :program) = true");
            parameters.and("program", filter.program());
        }
        if (filter.query() != null) {
            where.add("searchText like :query");
            parameters.and("query", "%" + escapeLike(filter.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.listedOn() != null) {
            where.add("listedOn = :listedOn");
            parameters.and("listedOn", filter.listedOn());
        }
        if (filter.answering() != null) {
            List<UUID> answers = countermeasuresAnswering(filter.answering());
            if (answers.isEmpty()) {
                return new PageOf<>(List.of(), page, size, 0);
            }
            where.add("id in :answers");
            parameters.and("answers", answers);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = DesignationEntity.<DesignationEntity>find(query, Sort.descending("listedOn").and("id"), parameters)
                .page(Page.of(page, size));
        List<Designation> items = found.list().stream().map(e -> read(e.state, Designation.class)).toList();
        return new PageOf<>(items, page, size, found.count());
    }

    /** The active designations of one source list by their list id: what an import compares its file with. */
    public java.util.Map<String, Designation> activeBySourceList(String sourceList) {
        java.util.Map<String, Designation> active = new java.util.HashMap<>();
        entityManager().createQuery("select d.state from DesignationEntity d where d.sourceList = :list"
                        + " and d.status = 'ACTIVE' and d.sourceId is not null", String.class)
                .setParameter("list", sourceList)
                .getResultStream()
                .map(state -> read(state, Designation.class))
                .forEach(d -> active.put(d.sourceId(), d));
        return active;
    }

    /** The active designations (not countermeasures) of an authority listed between two days, both included. */
    public List<Designation> activeDesignationsListedBetween(String authority, java.time.LocalDate from,
                                                             java.time.LocalDate to) {
        return entityManager().createQuery("select d.state from DesignationEntity d where d.authorityCode = :authority"
                        + " and d.kind = 'DESIGNATION' and d.status = 'ACTIVE' and d.listedOn between :from and :to"
                        + " order by d.listedOn, d.id", String.class)
                .setParameter("authority", authority).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(state -> read(state, Designation.class)).toList();
    }

    /**
     * The countermeasures whose respondsTo names the designation by its id, or names its authority's action on the day
     * it was listed (China's 22 March 2021 countermeasures answer "EU-COUNCIL, 2021-03-22"). Containment on the
     * JSON, so the index designation_responds_to answers it.
     */
    @SuppressWarnings("unchecked")
    List<UUID> countermeasuresAnswering(Designation designation) {
        Map<String, String> byAction = new LinkedHashMap<>();
        byAction.put("authority", designation.authority());
        byAction.put("actionDate", designation.listedOn().toString());
        return entityManager().createNativeQuery("select id from designation where kind = 'COUNTERMEASURE'"
                        + " and (state -> 'respondsTo' @> cast(:byId as jsonb)"
                        + " or state -> 'respondsTo' @> cast(:byAction as jsonb))", UUID.class)
                .setParameter("byId", write(List.of(Map.of("designationId", designation.designationId()))))
                .setParameter("byAction", write(List.of(byAction)))
                .getResultList();
    }

    private static jakarta.persistence.EntityManager entityManager() {
        return DesignationEntity.getEntityManager();
    }

    public List<DesignationVersionEntity> history(UUID id) {
        return DesignationVersionEntity.list("key.designationId", Sort.ascending("key.version"), id);
    }

    public Optional<Designation> version(UUID id, int version) {
        return DesignationVersionEntity.<DesignationVersionEntity>findByIdOptional(
                new DesignationVersionEntity.Key(id, version)).map(v -> read(v.state, Designation.class));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private static String searchText(Designation designation) {
        return Stream.concat(Stream.of(designation.subject().name()),
                        designation.subject().aliases().stream().map(Alias::name))
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package io.sanctionsradar.designation.persistence;

import io.quarkus.panache.common.Sort;
import io.sanctionsradar.designation.domain.SubjectLink;
import io.sanctionsradar.designation.domain.SubjectRelation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the latest analyst decision per pair of designations. */
@ApplicationScoped
public class SubjectLinkStore {

    /** The pair's link, ids in canonical order (see {@link SubjectLink#pair}). */
    public Optional<SubjectLink> find(List<String> pair) {
        return SubjectLinkEntity.<SubjectLinkEntity>findByIdOptional(key(pair)).map(SubjectLinkStore::link);
    }

    /** Every link that names the designation, on either side, oldest decision first. */
    public List<SubjectLink> touching(UUID designationId) {
        return SubjectLinkEntity.<SubjectLinkEntity>list("pair.designationA = ?1 or pair.designationB = ?1",
                Sort.ascending("decidedAt", "pair.designationA", "pair.designationB"), designationId)
                .stream().map(SubjectLinkStore::link).toList();
    }

    public void save(SubjectLink link) {
        SubjectLinkEntity entity = SubjectLinkEntity.findById(key(link.designationIds()));
        if (entity == null) {
            entity = new SubjectLinkEntity();
            entity.pair = key(link.designationIds());
        }
        entity.relation = link.relation().name();
        entity.comment = link.comment();
        entity.decidedBy = link.decidedBy();
        entity.decidedAt = link.decidedAt();
        entity.version = link.version();
        entity.persist();
    }

    private static SubjectLinkEntity.Pair key(List<String> pair) {
        return new SubjectLinkEntity.Pair(UUID.fromString(pair.get(0)), UUID.fromString(pair.get(1)));
    }

    private static SubjectLink link(SubjectLinkEntity e) {
        return new SubjectLink(List.of(e.pair.designationA().toString(), e.pair.designationB().toString()),
                SubjectRelation.valueOf(e.relation), e.comment, e.decidedBy, e.decidedAt, e.version);
    }
}

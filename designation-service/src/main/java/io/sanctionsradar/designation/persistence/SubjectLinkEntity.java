package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The latest analyst decision on one pair of designations, the pair in canonical order. */
@Entity
@Table(name = "subject_link")
public class SubjectLinkEntity extends PanacheEntityBase {

    @EmbeddedId
    public Pair pair;

    public String relation;

    public String comment;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public int version;

    @Embeddable
    public record Pair(@Column(name = "designation_a") UUID designationA,
                       @Column(name = "designation_b") UUID designationB) implements Serializable {
    }
}

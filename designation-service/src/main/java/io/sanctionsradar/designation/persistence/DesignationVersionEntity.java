package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of a designation, kept forever: the state it had and what changed from the version before. */
@Entity
@Table(name = "designation_version")
public class DesignationVersionEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public String state;

    @JdbcTypeCode(SqlTypes.JSON)
    public String changes;

    @Embeddable
    public record Key(@Column(name = "designation_id") UUID designationId, int version) implements Serializable {
    }
}

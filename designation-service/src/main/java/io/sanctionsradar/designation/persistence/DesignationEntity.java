package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Current state of a designation: the document in {@code state}, plus the columns that browsing filters on. */
@Entity
@Table(name = "designation")
public class DesignationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    public String status;

    public int version;

    @Column(name = "authority_code")
    public String authorityCode;

    @Column(name = "source_list")
    public String sourceList;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "primary_name")
    public String primaryName;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public String state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

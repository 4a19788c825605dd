package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

// reference data read by every write; the second-level cache spares a query per lookup
@Cacheable
@Entity
@Table(name = "programme")
public class ProgrammeEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "authority_code")
    public String authorityCode;

    public String name;

    @Column(name = "legal_basis")
    public String legalBasis;
}

package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

// reference data read by every write; the second-level cache spares a query per lookup
@Cacheable
@Entity
@Table(name = "authority")
public class AuthorityEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String country;
}

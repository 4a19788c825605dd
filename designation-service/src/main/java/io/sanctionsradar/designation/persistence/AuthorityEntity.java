package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "authority")
public class AuthorityEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String country;
}

package io.sanctionsradar.designation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "idempotent_request")
public class IdempotentRequestEntity extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    public String operation;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "response_status")
    public int responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    public String location;

    @Column(name = "created_at")
    public Instant createdAt;
}

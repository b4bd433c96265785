package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code audit}: who did what to which resource, when, and where in the log it is. */
@Entity
@Immutable
@Table(name = "audit")
@IdClass(AuditView.Key.class)
public class AuditView extends PanacheEntityBase {

    @Id
    public String topic;

    @Id
    @Column(name = "log_partition")
    public int logPartition;

    @Id
    @Column(name = "log_offset")
    public long logOffset;

    @Column(name = "event_id")
    public String eventId;

    public String account;

    public String region;

    @Column(name = "resource_arn")
    public String resourceArn;

    @Column(name = "event_type")
    public String eventType;

    public String actor;

    @Column(name = "event_time")
    public Instant eventTime;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "causation_id")
    public String causationId;

    public record Key(String topic, int logPartition, long logOffset) implements Serializable {
    }
}

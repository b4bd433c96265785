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

/** A row of {@code service_events}: one events[] entry at its place in the log. */
@Entity
@Immutable
@Table(name = "service_events")
@IdClass(ServiceEventView.Key.class)
public class ServiceEventView extends PanacheEntityBase {

    @Id
    @Column(name = "service_arn")
    public String serviceArn;

    @Id
    @Column(name = "log_partition")
    public int logPartition;

    @Id
    @Column(name = "log_offset")
    public long logOffset;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "created_at")
    public Instant createdAt;

    public String message;

    public record Key(String serviceArn, int logPartition, long logOffset) implements Serializable {
    }
}

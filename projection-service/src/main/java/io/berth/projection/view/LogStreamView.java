package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A row of {@code log_streams}: a stream of container output and its first and last times (epoch ms). */
@Entity
@Immutable
@Table(name = "log_streams")
@IdClass(LogStreamView.Key.class)
public class LogStreamView extends PanacheEntityBase {

    @Id
    public String account;

    @Id
    public String region;

    @Id
    @Column(name = "log_group")
    public String logGroup;

    @Id
    @Column(name = "log_stream")
    public String logStream;

    @Column(name = "creation_time")
    public long creationTime;

    @Column(name = "first_event_timestamp")
    public long firstEventTimestamp;

    @Column(name = "last_event_timestamp")
    public long lastEventTimestamp;

    @Column(name = "last_ingestion_time")
    public long lastIngestionTime;

    public record Key(String account, String region, String logGroup, String logStream) implements Serializable {
    }
}

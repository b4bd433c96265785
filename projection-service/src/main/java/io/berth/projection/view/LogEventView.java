package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A row of {@code log_events}: one line of container output at its place in berth.logs. */
@Entity
@Immutable
@Table(name = "log_events")
@IdClass(LogEventView.Key.class)
public class LogEventView extends PanacheEntityBase {

    @Id
    @Column(name = "log_partition")
    public int logPartition;

    @Id
    @Column(name = "log_offset")
    public long logOffset;

    @Id
    @Column(name = "event_index")
    public int eventIndex;

    public String account;

    public String region;

    @Column(name = "log_group")
    public String logGroup;

    @Column(name = "log_stream")
    public String logStream;

    @Column(name = "event_timestamp")
    public long timestamp;

    @Column(name = "ingestion_time")
    public long ingestionTime;

    public String message;

    public record Key(int logPartition, long logOffset, int eventIndex) implements Serializable {
    }
}

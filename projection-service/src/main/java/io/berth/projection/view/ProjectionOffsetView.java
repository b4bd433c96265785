package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A row of {@code projection_offsets}: the next offset of a partition that the views have not applied. */
@Entity
@Immutable
@Table(name = "projection_offsets")
@IdClass(ProjectionOffsetView.Key.class)
public class ProjectionOffsetView extends PanacheEntityBase {

    @Id
    public String topic;

    @Id
    @Column(name = "partition")
    public int logPartition;

    @Column(name = "next_offset")
    public long nextOffset;

    public record Key(String topic, int logPartition) implements Serializable {
    }
}

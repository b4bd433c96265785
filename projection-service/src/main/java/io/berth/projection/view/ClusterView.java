package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code clusters}. Read-only here: the views are written by the projection's batches. */
@Entity
@Immutable
@Table(name = "clusters")
public class ClusterView extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_arn")
    public String clusterArn;

    public String account;

    public String region;

    @Column(name = "cluster_name")
    public String clusterName;

    public String status;

    /** The cluster as {@code Json.MAPPER} wrote it (jsonb, read as text). */
    @ColumnTransformer(read = "cast(document as text)")
    public String document;
}

package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code container_instances}: the instance without its remaining resources and task counts. */
@Entity
@Immutable
@Table(name = "container_instances")
public class ContainerInstanceView extends PanacheEntityBase {

    @Id
    @Column(name = "container_instance_arn")
    public String containerInstanceArn;

    public String account;

    public String region;

    @Column(name = "cluster_arn")
    public String clusterArn;

    public String status;

    @Column(name = "registered_cpu")
    public int registeredCpu;

    @Column(name = "registered_memory")
    public int registeredMemory;

    @ColumnTransformer(read = "cast(document as text)")
    public String document;
}

package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code services}: the service with its deployments, without events[] and tags. */
@Entity
@Immutable
@Table(name = "services")
public class ServiceView extends PanacheEntityBase {

    @Id
    @Column(name = "service_arn")
    public String serviceArn;

    public String account;

    public String region;

    @Column(name = "cluster_name")
    public String clusterName;

    @Column(name = "service_name")
    public String serviceName;

    public String status;

    @Column(name = "launch_type")
    public String launchType;

    @Column(name = "scheduling_strategy")
    public String schedulingStrategy;

    @ColumnTransformer(read = "cast(document as text)")
    public String document;
}

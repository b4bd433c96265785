package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code tasks}: the task, and what it holds on its instance while not stopped. */
@Entity
@Immutable
@Table(name = "tasks")
public class TaskView extends PanacheEntityBase {

    @Id
    @Column(name = "task_arn")
    public String taskArn;

    public String account;

    public String region;

    @Column(name = "cluster_arn")
    public String clusterArn;

    @Column(name = "container_instance_arn")
    public String containerInstanceArn;

    public String family;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "task_group")
    public String taskGroup;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "desired_status")
    public String desiredStatus;

    @Column(name = "last_status")
    public String lastStatus;

    @Column(name = "launch_type")
    public String launchType;

    /** Null when the task's TaskCreated was never seen; likewise the other reservation columns. */
    @Column(name = "reserved_cpu")
    public Integer reservedCpu;

    @Column(name = "reserved_memory")
    public Integer reservedMemory;

    @Column(name = "reserved_tcp_ports")
    public Integer[] reservedTcpPorts;

    @Column(name = "reserved_udp_ports")
    public Integer[] reservedUdpPorts;

    @ColumnTransformer(read = "cast(document as text)")
    public String document;
}

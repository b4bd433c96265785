package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code task_definitions}: one revision. */
@Entity
@Immutable
@Table(name = "task_definitions")
public class TaskDefinitionView extends PanacheEntityBase {

    @Id
    @Column(name = "task_definition_arn")
    public String taskDefinitionArn;

    public String account;

    public String region;

    public String family;

    public int revision;

    public String status;

    @ColumnTransformer(read = "cast(document as text)")
    public String document;
}

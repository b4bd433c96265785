package io.berth.projection.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A row of {@code tags}. */
@Entity
@Immutable
@Table(name = "tags")
@IdClass(TagView.Key.class)
public class TagView extends PanacheEntityBase {

    @Id
    @Column(name = "resource_arn")
    public String resourceArn;

    @Id
    @Column(name = "tag_key")
    public String tagKey;

    @Column(name = "tag_value")
    public String tagValue;

    public int ordinal;

    public record Key(String resourceArn, String tagKey) implements Serializable {
    }
}

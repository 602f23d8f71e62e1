package org.physiorun.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;

/**
 * One published version of a protocol. A version never changes once plans may have been made from it:
 * a change is a new version, and every plan names the version it follows.
 */
@Entity
@Immutable
@IdClass(Protocol.Key.class)
public class Protocol {

    @Id
    public String id;
    @Id
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public ProtocolDefinition definition;
    @Column(name = "published_at")
    public Instant publishedAt;

    public record Key(String id, int version) implements Serializable {
    }
}

package dev.salesplatform.deal.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "pipeline_stage")
@IdClass(PipelineStage.Key.class)
public class PipelineStage {

    /** A stage is identified by its pipeline and its code. */
    public record Key(UUID pipelineId, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "pipeline_id")
    public UUID pipelineId;

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(name = "win_probability", nullable = false)
    public BigDecimal winProbability;

    @Column(nullable = false)
    public boolean closed;

    @Column(nullable = false)
    public boolean won;
}

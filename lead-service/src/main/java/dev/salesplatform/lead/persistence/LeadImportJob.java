package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportStatus;

/** An import job as stored: what was asked, by whom, and how far it got. */
public record LeadImportJob(UUID id, ImportStatus status, ImportFormat format, DuplicatePolicy onDuplicate,
                            String createdBy, Instant createdAt, Instant completedAt,
                            int total, int created, int updated, int skipped, int failed, int errorsTotal) {
}

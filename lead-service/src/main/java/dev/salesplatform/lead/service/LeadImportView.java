package dev.salesplatform.lead.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportRowError;
import dev.salesplatform.lead.domain.ImportStatus;
import dev.salesplatform.lead.persistence.LeadImportJob;

/**
 * An import: what was asked, by whom, how far it got, and its first errors ({@code errors} null where they
 * are not read, as in lists).
 */
public record LeadImportView(UUID id, ImportStatus status, ImportFormat format, DuplicatePolicy onDuplicate,
                             String createdBy, Instant createdAt, Instant completedAt, int total, int created,
                             int updated, int skipped, int failed, int errorsTotal, List<ImportRowError> errors) {

    static LeadImportView of(LeadImportJob job, List<ImportRowError> errors) {
        return new LeadImportView(job.id(), job.status(), job.format(), job.onDuplicate(), job.createdBy(),
                job.createdAt(), job.completedAt(), job.total(), job.created(), job.updated(), job.skipped(),
                job.failed(), job.errorsTotal(), errors);
    }
}

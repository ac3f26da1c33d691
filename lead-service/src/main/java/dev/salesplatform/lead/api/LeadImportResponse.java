package dev.salesplatform.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportRowError;
import dev.salesplatform.lead.domain.ImportStatus;
import dev.salesplatform.lead.service.LeadImportView;

@Schema(name = "LeadImport", description = "A bulk import of leads and how far it got", example = """
        {"id": "0199a3c2-7d1e-7c4a-9f1e-2b7d4c1a9e01", "status": "COMPLETED", "onDuplicate": "SKIP", "format": "CSV",
         "createdBy": "00000000-0000-7000-8000-000000000100", "createdAt": "2025-10-01T09:00:00Z",
         "completedAt": "2025-10-01T09:00:42Z",
         "counts": {"total": 3, "created": 1, "updated": 0, "skipped": 1, "failed": 1},
         "errors": [{"row": 4, "field": "email", "message": "must be a well-formed email address"}],
         "errorsTotal": 1, "errorsTruncated": false}""")
public record LeadImportResponse(
        UUID id,
        ImportStatus status,
        DuplicatePolicy onDuplicate,
        ImportFormat format,
        @Schema(description = "User id of the caller who sent the import") String createdBy,
        Instant createdAt,
        @Schema(description = "When the last row was done; null until then") Instant completedAt,
        Counts counts,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The first errors, by row (only on the POST answer and GET /lead-imports/{id}); "
                + "field is null when the row as a whole is at fault")
        List<ImportRowError> errors,
        @Schema(description = "How many errors were found in all") int errorsTotal,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "True when there are more errors than listed (only with errors)") Boolean errorsTruncated) {

    /**
     * Rows by outcome: once the import is done, total = created + updated + skipped + failed.
     */
    @Schema(name = "LeadImportCounts")
    public record Counts(int total, int created, int updated, int skipped, int failed) {
    }

    /** The import with its first errors, or without the errors member when they were not read (lists). */
    static LeadImportResponse from(LeadImportView job) {
        List<ImportRowError> errors = job.errors();
        return new LeadImportResponse(job.id(), job.status(), job.onDuplicate(), job.format(), job.createdBy(),
                job.createdAt(), job.completedAt(),
                new Counts(job.total(), job.created(), job.updated(), job.skipped(), job.failed()),
                errors, job.errorsTotal(), errors == null ? null : job.errorsTotal() > errors.size());
    }
}

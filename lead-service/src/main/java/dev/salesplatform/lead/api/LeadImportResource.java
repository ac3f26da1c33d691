package dev.salesplatform.lead.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.service.LeadImportService;
import dev.salesplatform.lead.service.LeadImportWorker;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

@Path(LeadImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lead imports", description = "Bulk import of leads from CSV or JSON, for integrators and sales teams")
public class LeadImportResource {

    public static final String PATH = "/api/v1/lead-imports";
    static final String CSV = "text/csv";

    private static final String CSV_EXAMPLE = """
            firstName,lastName,email,source,companyName,companyEmployees,estimatedAmount,estimatedCurrency
            Ada,Lovelace,ada@example.com,WEB_FORM,Analytical Engines Ltd,120,12000.00,EUR
            Grace,Hopper,grace@example.com,REFERRAL,,,,
            """;
    private static final String JSON_EXAMPLE = """
            [{"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "source": "WEB_FORM",
              "company": {"name": "Analytical Engines Ltd", "employees": 120},
              "estimatedValue": {"amount": "12000.00", "currency": "EUR"}},
             {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com", "source": "REFERRAL"}]""";

    private final LeadImportService imports;
    private final LeadImportParser parser;
    private final LeadImportWorker worker;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public LeadImportResource(LeadImportService imports, LeadImportParser parser, LeadImportWorker worker,
                              Caller caller, IdempotentRequests idempotency) {
        this.imports = imports;
        this.parser = parser;
        this.worker = worker;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Blocking
    @RolesAllowed({Caller.INTEGRATION, Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "importLeads", summary = "Import leads in bulk", description = """
            Roles: integration, sdr, sales-manager, admin. The body is read as it arrives (up to 64 MB and \
            100 000 rows by default) and answered 202 once all of it is stored; the rows are then imported in \
            the background, in row order. Poll the Location for the counts and errors.

            Each row is one lead in the shape of POST /leads, validated the same way. A row that is not valid \
            counts as failed with its errors and does not stop the import. A row whose email matches an open \
            lead (ignoring case; also a lead created by an earlier row of the same import) is skipped, or with \
            onDuplicate=update applied to that lead.

            text/csv: UTF-8 (or the Content-Type's charset), a header row, then one lead per row. Columns, in \
            any order: firstName, lastName, email, source (these four are required), phone, title, companyName, \
            companyWebsite, companyEmployees, companyIndustry, utmSource, utmMedium, utmCampaign, utmTerm, \
            utmContent, landingPage, referrer, estimatedAmount, estimatedCurrency, notes. An unknown or repeated \
            column refuses the whole import (400). An empty cell is an absent value; blank lines are skipped. \
            Rows are numbered as in a spreadsheet: the header is row 1, the first lead row 2.

            application/json: an array of lead objects exactly as POST /leads takes them; an unknown field is \
            an error of its row. Elements are numbered from 1.

            If the body turns out malformed part-way, the rows before that point are imported, the malformed \
            spot is reported as an error of the row where it was found (field null, not counted in counts), \
            nothing after it is read, and the import ends FAILED. Malformed before the first row is a 400.

            Send Idempotency-Key to make retries safe: the same key with the same parameters and body answers \
            the first import again (the retried body is read, then dropped).""")
    @APIResponse(responseCode = "202", description = "Accepted: stored and queued; Location points at the import",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/api/v1/lead-imports/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeadImportResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad onDuplicate or Idempotency-Key, empty body or no rows, "
            + "unknown or missing CSV columns (columnErrors lists them), a body malformed before its first row",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the size limit, or more rows than an import takes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with other parameters or another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @Parameter(description = "What to do with a row whose email matches an open lead: skip (default) "
                    + "leaves the lead as it is, update applies the row's non-empty fields to it",
                    schema = @Schema(enumeration = {"skip", "update"}, defaultValue = "skip"))
            @QueryParam("onDuplicate") String onDuplicate,
            @Parameter(description = "Makes a retried POST return the first import instead of importing twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Context HttpHeaders headers,
            @RequestBody(required = true, description = "The leads, as CSV with a header row or as a JSON array",
                    content = {
                        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                                examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                        @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(type = SchemaType.ARRAY, implementation = CreateLeadRequest.class),
                                examples = @ExampleObject(name = "json", value = JSON_EXAMPLE))})
            InputStream body) {
        DuplicatePolicy policy = policy(onDuplicate);
        MediaType mediaType = headers.getMediaType();
        if (mediaType == null) {
            throw unsupported("Send Content-Type text/csv or application/json");
        }
        ImportFormat format = mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? ImportFormat.JSON : ImportFormat.CSV;
        Charset charset = format == ImportFormat.CSV ? charset(mediaType) : null;
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            // Checked before the body is read, rather than after staging it.
            throw ProblemException.invalidField(IdempotentRequests.HEADER, "must be 1 to 255 characters");
        }
        LeadImportService.StagedImport staged;
        try {
            staged = imports.stage(body, format, policy, LeadResource.actor(caller),
                    (in, rows) -> parser.parse(in, format, charset, rows));
        } catch (ProblemException e) {
            // What is left of a refused body is not wanted: closing the connection spares reading it.
            throw e.withHeader("Connection", "close");
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body could not be read to its end");
        }
        Response response;
        try {
            response = VertxContextSupport.subscribeAndAwait(() -> idempotency.execute(idempotencyKey, caller.id().toString(),
                    "POST " + PATH, staged.fingerprint(), () -> imports.receive(staged).map(job -> Response.accepted()
                            .header(HttpHeaders.LOCATION, PATH + "/" + job.id())
                            .entity(LeadImportResponse.from(job))
                            .build())));
        } catch (RuntimeException | Error e) {
            imports.discard(staged.id());
            throw e;
        } catch (Throwable e) {
            imports.discard(staged.id());
            throw new IllegalStateException(e);
        }
        if (response.getHeaderString(IdempotentRequests.REPLAYED_HEADER) != null) {
            imports.discard(staged.id());
        } else {
            worker.wakeUp();
        }
        return response;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.INTEGRATION, Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getLeadImport",
            summary = "Read an import", description = "Roles: integration and sdr read the imports they sent; "
                    + "sales-manager and admin read all. Counts grow while the import runs; errors lists the first ones "
                    + "(1000 by default) by row, with errorsTotal and errorsTruncated.")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(schema = @Schema(implementation = LeadImportResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import, or one the caller may not read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeadImportResponse> get(@PathParam("id") String id) {
        UUID importId = Ids.parse(id, "id");
        return imports.find(importId, visibleOnlyTo())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead import", importId))
                .map(LeadImportResponse::from);
    }

    @GET
    @RolesAllowed({Caller.INTEGRATION, Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listLeadImports",
            summary = "List imports", description = "Roles: integration and sdr list the imports they sent; "
                    + "sales-manager and admin list all. Newest first, without errors; follow nextCursor for the next page.")
    @APIResponse(responseCode = "200", description = "One page of imports")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<LeadImportResponse>> list(
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        return imports.list(visibleOnlyTo(), page).map(jobs -> jobs.map(LeadImportResponse::from));
    }

    /** Null for those who read every import; otherwise the caller, who reads only their own. */
    private String visibleOnlyTo() {
        return caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN) ? null : caller.id().toString();
    }

    private static DuplicatePolicy policy(String onDuplicate) {
        if (onDuplicate == null || onDuplicate.isBlank()) {
            return DuplicatePolicy.SKIP;
        }
        return switch (onDuplicate.strip().toLowerCase(Locale.ROOT)) {
            case "skip" -> DuplicatePolicy.SKIP;
            case "update" -> DuplicatePolicy.UPDATE;
            default -> throw ProblemException.invalidField("onDuplicate", "must be skip or update");
        };
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported("The charset " + name + " is not supported");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}

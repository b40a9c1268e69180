package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.OnboardingColumn;
import ca.novascotia.lampss.domain.OnboardingCsv.OnboardingFileRefused;
import ca.novascotia.lampss.domain.OnboardingRefusal;
import ca.novascotia.lampss.domain.OnboardingReport;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.onboarding.OnboardingCheck;
import ca.novascotia.lampss.onboarding.OnboardingFiles;
import ca.novascotia.lampss.onboarding.OnboardingJobs;
import ca.novascotia.lampss.store.OnboardingJobEntity;
import ca.novascotia.lampss.store.OnboardingRowEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /onboarding}: Operations Support brings organizations and their people in from a file
 * (docs/onboarding.md). A dry run checks a file and writes nothing; a job applies it in the
 * background, and its state, progress and report are read here.
 */
public class OnboardingResource {

    /** Refusals listed in a dry run's JSON answer; the CSV form lists them all. */
    static final int LISTED = 1000;
    private static final String CSV = "text/csv";

    private final KeycloakSession session;
    private final LampssSettings settings;

    OnboardingResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** Checks the file; answers the report (JSON), or its refused rows as CSV when asked with Accept: text/csv. */
    @POST
    @Path("dry-run")
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response dryRun(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                           @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding, InputStream file) {
        return Api.run(session, settings, request -> {
            request.require(Action.CREATE_ORGANIZATION, Target.none());
            session.getTransactionManager().setRollbackOnly();
            OnboardingReport report;
            try {
                report = OnboardingCheck.check(request.lampss, request.actor, OnboardingFiles.open(file, encoding), format(type),
                        settings.onboardingMaxRows());
            } catch (OnboardingFileRefused refused) {
                return fileRefused(refused.refusal(), request.locale);
            }
            if (accept != null && accept.startsWith(CSV)) {
                return Response.ok(refusalsCsv(report.refusals()), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"onboarding-refusals.csv\"").build();
            }
            return Response.ok(reportJson(report)).build();
        });
    }

    /**
     * Checks the file and starts applying it: 201 with the job. {@code invitations=hold} keeps the
     * invitations until released; {@code ratePerMinute} throttles them (0: as rows are applied).
     */
    @POST
    @Path("jobs")
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @QueryParam("invitations") String invitations,
                          @QueryParam("ratePerMinute") String rate, @QueryParam("fileName") String fileName,
                          @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding, InputStream file) {
        return Api.run(session, settings, request -> {
            request.require(Action.CREATE_ORGANIZATION, Target.none());
            boolean hold = "hold".equals(invitations);
            if (invitations != null && !hold && !"send".equals(invitations)) {
                throw ApiException.badRequest("WRONG_TYPE", "invitations");
            }
            int perMinute = whole(rate, "ratePerMinute");
            OnboardingReport report;
            try {
                report = OnboardingCheck.check(request.lampss, request.actor, OnboardingFiles.open(file, encoding), format(type),
                        settings.onboardingMaxRows());
            } catch (OnboardingFileRefused refused) {
                session.getTransactionManager().setRollbackOnly();
                return fileRefused(refused.refusal(), request.locale);
            }
            OnboardingJobEntity job = new OnboardingJobs(request.lampss.em()).create(request.lampss.realm().getId(),
                    request.user.getId(), shortName(fileName), session.getContext().getUri().getBaseUri().toString(), hold, perMinute,
                    report);
            return Response.status(Response.Status.CREATED).entity(job(job)).build();
        });
    }

    @GET
    @Path("jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobs(@QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            request.require(Action.CREATE_ORGANIZATION, Target.none());
            Paging paging = Paging.of(first, max);
            return Response.ok(Views.page(new OnboardingJobs(request.lampss.em()).page(request.lampss.realm().getId(),
                    paging.first(), paging.max()), OnboardingResource::job)).build();
        });
    }

    @GET
    @Path("jobs/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response job(@PathParam("jobId") String id) {
        return Api.run(session, settings, request -> Response.ok(job(find(request, id))).build());
    }

    /**
     * The job's rows in line order; {@code outcome} keeps those with these outcomes, {@code invitation}
     * those whose invitation is in these states (both comma-separated).
     */
    @GET
    @Path("jobs/{jobId}/rows")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rows(@PathParam("jobId") String id, @QueryParam("outcome") String outcome,
                         @QueryParam("invitation") String invitation, @QueryParam("first") String first,
                         @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            OnboardingJobEntity job = find(request, id);
            Paging paging = Paging.of(first, max);
            return Response.ok(Views.page(new OnboardingJobs(request.lampss.em()).rows(job.getId(), list(outcome), list(invitation),
                    paging.first(), paging.max()), row -> row(row, request.locale))).build();
        });
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    /** Operations Support's go for held invitations. */
    @POST
    @Path("jobs/{jobId}/release")
    @Produces(MediaType.APPLICATION_JSON)
    public Response release(@PathParam("jobId") String id) {
        return Api.run(session, settings, request -> {
            OnboardingJobEntity job = find(request, id);
            new OnboardingJobs(request.lampss.em()).release(job);
            return Response.ok(job(job)).build();
        });
    }

    private static OnboardingJobEntity find(Request request, String id) {
        request.require(Action.CREATE_ORGANIZATION, Target.none());
        return new OnboardingJobs(request.lampss.em()).find(request.lampss.realm().getId(), id)
                .orElseThrow(() -> ApiException.notFound("JOB_NOT_FOUND"));
    }

    private static OnboardingCheck.Format format(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)
                ? OnboardingCheck.Format.JSON : OnboardingCheck.Format.CSV;
    }

    private static int whole(String text, String field) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0 && value <= 100_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("WRONG_TYPE", field);
    }

    private static String shortName(String name) {
        if (name == null) {
            return null;
        }
        String plain = name.replaceAll("[\\p{Cntrl}<>]", "").strip();
        return plain.length() > 255 ? plain.substring(0, 255) : plain;
    }

    private Response fileRefused(OnboardingRefusal refusal, Locale locale) {
        session.getTransactionManager().setRollbackOnly();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.code());
        body.put("field", null);
        body.put("message", ErrorMessages.message(refusal.code(), null, locale));
        body.put("line", refusal.line());
        body.put("detail", refusal.detail());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Map<String, Object> reportJson(OnboardingReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", report.rows().size());
        json.put("counts", report.rowCounts());
        json.put("organizations", report.organizationCounts());
        json.put("organizationChanges", report.organizations().stream()
                .filter(change -> change.change() != OnboardingReport.Change.CREATE).limit(LISTED)
                .map(change -> Map.of("number", change.number(), "line", change.firstLine(), "change", change.change(),
                        "changed", change.changed()))
                .toList());
        List<OnboardingRefusal> refusals = report.refusals();
        json.put("refusals", refusals.stream().limit(LISTED).map(OnboardingResource::refusal).toList());
        json.put("refusalsListed", Math.min(LISTED, refusals.size()));
        return json;
    }

    static Map<String, Object> refusal(OnboardingRefusal refusal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", refusal.line());
        json.put("column", refusal.column() == null ? null : refusal.column().header());
        json.put("code", refusal.code());
        json.put("detail", refusal.detail());
        String field = refusal.column() == null ? null : refusal.column().field();
        json.put("message", Map.of("en", ErrorMessages.message(refusal.code(), field, Locale.ENGLISH),
                "fr", ErrorMessages.message(refusal.code(), field, Locale.FRENCH)));
        return json;
    }

    private static StreamingOutput refusalsCsv(List<OnboardingRefusal> refusals) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("line,column,code,detail,message_en,message_fr\r\n");
            for (OnboardingRefusal refusal : refusals) {
                String field = refusal.column() == null ? null : refusal.column().field();
                writer.write(String.join(",", String.valueOf(refusal.line()),
                        AccessReview.cell(refusal.column() == null ? "" : refusal.column().header()),
                        AccessReview.cell(refusal.code()), AccessReview.cell(refusal.detail()),
                        AccessReview.cell(ErrorMessages.message(refusal.code(), field, Locale.ENGLISH)),
                        AccessReview.cell(ErrorMessages.message(refusal.code(), field, Locale.FRENCH))) + "\r\n");
            }
            writer.flush();
        };
    }

    static Map<String, Object> job(OnboardingJobEntity job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.getId());
        json.put("fileName", job.getFileName());
        json.put("createdAt", job.getCreatedAt());
        json.put("state", job.getState());
        json.put("invitations", job.getInvitations());
        json.put("ratePerMinute", job.getRatePerMinute());
        json.put("totalRows", job.getTotalRows());
        json.put("rowsDone", job.getRowsDone());
        json.put("rowsFailed", job.getRowsFailed());
        json.put("invitationsWaiting", job.getInvitationsWaiting());
        json.put("invitationsSent", job.getInvitationsSent());
        json.put("invitationsNotSent", job.getInvitationsNotSent());
        json.put("finishedAt", job.getFinishedAt());
        // The node applying it, as its log names it ("onboarding worker … started"); null before any node took it.
        json.put("worker", job.getLeaseOwner());
        return json;
    }

    private static Map<String, Object> row(OnboardingRowEntity row, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", row.getLine());
        json.put("organizationNumber", row.getOrganizationNumber());
        json.put("email", row.getEmail());
        json.put("outcome", row.getOutcome());
        json.put("invitation", row.getInvitation());
        json.put("organizationId", row.getOrganizationId());
        json.put("userId", row.getUserId());
        if (row.getCode() != null) {
            OnboardingColumn column = OnboardingColumn.ofHeader(row.getColumnName());
            String field = column == null ? null : column.field();
            json.put("column", row.getColumnName());
            json.put("code", row.getCode());
            json.put("detail", row.getDetail());
            json.put("message", ErrorMessages.message(row.getCode(), field, locale));
        }
        return json;
    }
}

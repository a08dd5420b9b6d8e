package com.paystatus.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.ProofOfWork;
import com.paystatus.status.AfterReport;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshots;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * 「我也遇到了」 as JSON ({@code POST /api/channels/{slug}/reports}, {@code {"symptom": "unavailable"}}),
 * for the card's script and for apps: 202 with what is known. Bodies are a few bytes: one that says
 * it is over 1 KB is refused with a 413 and counts nothing (and no body beyond the application's
 * {@code paystatus.request-body.max-size} is read at all, see {@code security.RequestBodyDeadline}).
 * A report its network may no longer make counts nothing and is answered with a proof-of-work
 * {@code challenge} (ALTCHA's fields); sent again with {@code "altcha"}, the solved payload, it counts,
 * each solution once.
 */
@RestController
class ReportApiController {

    static final int MAX_BODY = 1024;

    private final ReportService reports;
    private final StatusSnapshots snapshots;
    private final ReportReadModel figures;
    private final ReportTexts texts;
    private final PayStatusProperties properties;
    private final ProofOfWork proofOfWork;

    ReportApiController(
            ReportService reports,
            StatusSnapshots snapshots,
            ReportReadModel figures,
            ReportTexts texts,
            PayStatusProperties properties,
            ProofOfWork proofOfWork) {
        this.reports = reports;
        this.snapshots = snapshots;
        this.figures = figures;
        this.texts = texts;
        this.properties = properties;
        this.proofOfWork = proofOfWork;
    }

    /** The body: one symptom code, and past the network's limit a solved challenge ({@code altcha}). */
    record ReportJson(String symptom, String altcha) {}

    /** What the caller is told; {@code counted} is false for a repeat from this browser or network. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReportAnswer(
            boolean counted,
            String channel,
            String symptom,
            String officialState,
            long reports15m,
            long reportsTypical15m,
            String reportsSignal,
            @JsonInclude(JsonInclude.Include.NON_NULL) OpenNotice openNotice,
            List<String> alternatives,
            String message,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProofOfWork.Challenge challenge) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OpenNotice(long id, String title, String estimatedRecoveryAt, String url) {}

    @PostMapping(path = "/api/channels/{slug}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportAnswer> report(
            @PathVariable String slug,
            @RequestBody ReportJson body,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        ReportService.Taken taken = reports.report(
                slug,
                body == null ? null : body.symptom(),
                ReportCookies.read(request, slug),
                request.getRemoteAddr(),
                () -> body != null && proofOfWork.accept(body.altcha()));
        ReportCookies.set(request, response, slug, taken, reports.cookieSeconds());
        ChannelView channel = snapshots.current().channel(slug).orElseThrow();
        AfterReport after = new AfterReport(channel, figures.of(slug));
        NoticeRecord notice = after.notice();
        ReportTexts.Texts words = texts.of(
                locale,
                after.known(),
                after.figures().reports15m(),
                after.figures().typical15m());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ReportAnswer(
                        taken.counted(),
                        slug,
                        taken.symptom().code(),
                        channel.state().code(),
                        after.figures().reports15m(),
                        after.figures().typical15m(),
                        after.figures().signal(),
                        notice == null
                                ? null
                                : new OpenNotice(
                                        notice.id(),
                                        notice.title(),
                                        ApiTimes.format(notice.estimatedRecoveryAt(), properties.zone()),
                                        "/notices/" + notice.id()),
                        channel.alternatives().stream().map(a -> a.slug()).toList(),
                        words.message(),
                        words.checks(),
                        taken.outcome() == ReportGate.Outcome.NETWORK_LIMIT ? proofOfWork.challenge() : null));
    }
}

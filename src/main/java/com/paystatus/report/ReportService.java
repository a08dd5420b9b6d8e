package com.paystatus.report;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.NotFoundException;
import com.paystatus.status.StatusSnapshots;
import org.springframework.stereotype.Service;

/**
 * Takes a report: the channel must be one of the snapshot's, the symptom one of the list; then the
 * gate decides whether it counts, and the counter counts it in memory. No database is touched, so a
 * flood of reports costs map updates, never writes.
 */
@Service
class ReportService {

    private final StatusSnapshots snapshots;
    private final ReportGate gate;
    private final ReportCounter counter;

    ReportService(StatusSnapshots snapshots, ReportGate gate, ReportCounter counter) {
        this.snapshots = snapshots;
        this.gate = gate;
        this.counter = counter;
    }

    /** What a report came to, and the cookie value to give the browser when it counted. */
    record Taken(ReportGate.Outcome outcome, Symptom symptom, String cookie) {

        boolean counted() {
            return outcome == ReportGate.Outcome.COUNTED;
        }
    }

    Taken report(String slug, String symptomCode, String cookie, String address) {
        return report(slug, symptomCode, cookie, address, () -> false);
    }

    /** As above; past the network's limit a solved proof-of-work challenge lets the report count. */
    Taken report(
            String slug,
            String symptomCode,
            String cookie,
            String address,
            java.util.function.BooleanSupplier solvedChallenge) {
        if (!snapshots.current().channels().containsKey(slug)) {
            throw new NotFoundException("error.channelNotFound", slug);
        }
        Symptom symptom =
                Symptom.of(symptomCode).orElseThrow(() -> new InvalidInputException("symptom", "report.error.symptom"));
        ReportGate.Outcome outcome = gate.admit(slug, cookie, address, solvedChallenge);
        if (outcome != ReportGate.Outcome.COUNTED) {
            return new Taken(outcome, symptom, null);
        }
        counter.count(slug, symptom);
        return new Taken(outcome, symptom, gate.cookieValue(slug));
    }

    long cookieSeconds() {
        return gate.cookieSeconds();
    }
}

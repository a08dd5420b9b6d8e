package com.paystatus.status;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every public page says so when it shows data the database could not refresh. */
@ControllerAdvice(assignableTypes = {StatusPagesController.class, HistoryController.class})
class FreshnessModel {

    private final StatusSnapshots snapshots;

    FreshnessModel(StatusSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @ModelAttribute("freshness")
    StatusSnapshots.Freshness freshness() {
        return snapshots.freshness();
    }
}

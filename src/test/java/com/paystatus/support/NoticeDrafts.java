package com.paystatus.support;

import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notice to post in a test, written as what matters to the test: {@code NoticeDrafts.fault("标题")
 * .affecting("alipay", "unavailable").build()}. What a test leaves out is an investigating notice with
 * the message 「排查中」, no channels and an unknown recovery time.
 */
public final class NoticeDrafts {

    private final String kind;
    private final String title;
    private String message = "排查中";
    private final Map<String, String> channels = new LinkedHashMap<>();
    private String status;
    private Estimate estimate = Estimate.UNKNOWN;

    private NoticeDrafts(String kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public static NoticeDrafts of(String kind, String title) {
        return new NoticeDrafts(kind, title);
    }

    public static NoticeDrafts fault(String title) {
        return of("fault", title);
    }

    public NoticeDrafts message(String message) {
        this.message = message;
        return this;
    }

    public NoticeDrafts affecting(String slug, String state) {
        channels.put(slug, state);
        return this;
    }

    public NoticeDrafts status(String status) {
        this.status = status;
        return this;
    }

    public NoticeDrafts recoveryAt(Instant at) {
        this.estimate = Estimate.at(at);
        return this;
    }

    public NoticeDraft build() {
        return new NoticeDraft(title, kind, message, Map.copyOf(channels), status, estimate);
    }
}

package com.paystatus.report;

import com.paystatus.shared.Coded;
import java.util.Optional;

/** The fixed list of what a person can report: short, so that counts add up to something readable. */
public enum Symptom implements Coded {
    UNAVAILABLE("unavailable"),
    PAYMENT_FAILED("payment_failed"),
    LIMIT("limit"),
    CANNOT_OPEN("cannot_open"),
    OTHER("other");

    private final String code;

    Symptom(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Exactly a code of the list, nothing trimmed or guessed. */
    public static Optional<Symptom> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Symptom s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The channel state an operator most likely means when people report this. */
    public String likelyState() {
        return this == UNAVAILABLE || this == CANNOT_OPEN ? "unavailable" : "degraded";
    }
}

package com.paystatus.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum with a stable lower-case code, the word used in the schema, the API and message keys
 * ({@code compliance_review}, never {@code COMPLIANCE_REVIEW}).
 */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code.trim()))
                .findFirst();
    }
}

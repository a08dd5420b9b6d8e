package com.paystatus.shared;

import java.util.List;

/**
 * Input that breaks a domain rule. Each violation names the field and a message key, so the admin
 * form can show it beside the field and the API can list it as a field error, in the user's language.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new Violation(field, messageKey, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String messageKey, Object... args) {}
}

package com.paystatus.shared;

/** A request that is well-formed but impossible in the current state, such as updating a resolved notice. */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}

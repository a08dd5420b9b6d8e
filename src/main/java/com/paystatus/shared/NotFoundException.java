package com.paystatus.shared;

/** A channel, notice or page that does not exist: a 404, never a 500. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public NotFoundException(String messageKey, Object... args) {
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

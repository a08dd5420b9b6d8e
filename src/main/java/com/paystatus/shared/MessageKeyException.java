package com.paystatus.shared;

/** An error whose text is a message key and its arguments, said in the reader's language at the edge. */
public abstract class MessageKeyException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected MessageKeyException(String messageKey, Object... args) {
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

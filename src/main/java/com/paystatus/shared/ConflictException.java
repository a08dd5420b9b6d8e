package com.paystatus.shared;

/** A request that is well-formed but impossible in the current state, such as updating a resolved notice. */
public class ConflictException extends MessageKeyException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}

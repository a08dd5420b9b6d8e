package com.paystatus.shared;

/** A channel, notice or page that does not exist: a 404, never a 500. */
public class NotFoundException extends MessageKeyException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}

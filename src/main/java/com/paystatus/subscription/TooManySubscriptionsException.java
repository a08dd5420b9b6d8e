package com.paystatus.subscription;

/** A client network asked for more subscriptions in an hour than it may: answered 429. */
class TooManySubscriptionsException extends RuntimeException {

    TooManySubscriptionsException() {
        super("too many subscription requests from this network");
    }
}

package com.paystatus.subscription;

import java.util.List;

/**
 * What a reader asks for, from the page's form or {@code POST /api/subscriptions}.
 *
 * @param channels slugs; empty for every channel
 * @param once "tell me once when it is back": one channel, or the notice
 * @param lang {@code zh} or {@code en}, the page's language; null for zh
 * @param notice for a once-subscription made on a notice's page: the notice's id
 * @param altcha a solved proof-of-work challenge, needed only past the network's limit
 */
record SubscribeRequest(String email, List<String> channels, Boolean once, String lang, Long notice, String altcha) {

    static final int MAX_EMAIL = 254;
    static final int MAX_CHANNELS = 50;

    List<String> channelsOrNone() {
        return channels == null ? List.of() : channels;
    }

    boolean isOnce() {
        return once != null && once;
    }
}

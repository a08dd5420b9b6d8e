package com.paystatus.subscription;

import java.util.List;

/**
 * Sends one notification to claimed subscribers of one type ({@code email}, {@code webhook}; the group
 * robots are further senders) and says how each attempt went. Never throws for one receiver's failure.
 */
interface Sender {

    String type();

    List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> deliveries);

    /**
     * @param error null when delivered; {@code gone} when the receiver said never to send again
     * @param notBefore when the receiver may not take it yet (a robot's rate limit): kept pending until
     *     then, not counted as an attempt; null otherwise
     */
    record Outcome(Deliveries.Claimed delivery, String error, boolean gone, java.time.Instant notBefore) {

        Outcome(Deliveries.Claimed delivery, String error, boolean gone) {
            this(delivery, error, gone, null);
        }

        static Outcome delivered(Deliveries.Claimed delivery) {
            return new Outcome(delivery, null, false);
        }

        static Outcome deferred(Deliveries.Claimed delivery, java.time.Instant notBefore) {
            return new Outcome(delivery, "throttled", false, notBefore);
        }

        boolean isDeferred() {
            return notBefore != null;
        }

        static Outcome failed(Deliveries.Claimed delivery, String error) {
            return new Outcome(delivery, error == null ? "failed" : error, false);
        }

        boolean ok() {
            return error == null;
        }
    }
}

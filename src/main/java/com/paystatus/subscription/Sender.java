package com.paystatus.subscription;

import java.util.List;

/**
 * Sends one notification to claimed subscribers of one type ({@code email}, {@code webhook}; the group
 * robots are further senders) and says how each attempt went. Never throws for one receiver's failure.
 */
interface Sender {

    String type();

    List<Outcome> send(long notificationId, NotificationContent content, List<Deliveries.Claimed> deliveries);

    /** @param error null when delivered; {@code gone} when the receiver said never to send again */
    record Outcome(Deliveries.Claimed delivery, String error, boolean gone) {

        static Outcome delivered(Deliveries.Claimed delivery) {
            return new Outcome(delivery, null, false);
        }

        static Outcome failed(Deliveries.Claimed delivery, String error) {
            return new Outcome(delivery, error == null ? "failed" : error, false);
        }

        boolean ok() {
            return error == null;
        }
    }
}

package com.paystatus.subscription;

/**
 * How one post to a group robot went. The vendors answer HTTP 200 with an error code in the JSON
 * body; {@link RobotSender} maps those codes here, so that the delivery loop only needs to know
 * whether to stop, retry later, or give up on this robot.
 *
 * @param detail the vendor's code and message, or what went wrong on the way, for the delivery log
 *     (never the robot's URL, which is a credential)
 */
public record RobotResult(Outcome outcome, String detail) {

    public enum Outcome {
        DELIVERED,
        /** Try again later: rate-limited, busy, timed out, unreachable. */
        RETRYABLE,
        /** Trying again will not help: wrong URL or key, bad signature, robot removed, message refused. */
        PERMANENT
    }

    static RobotResult delivered() {
        return new RobotResult(Outcome.DELIVERED, "ok");
    }

    static RobotResult retryable(String detail) {
        return new RobotResult(Outcome.RETRYABLE, detail);
    }

    static RobotResult permanent(String detail) {
        return new RobotResult(Outcome.PERMANENT, detail);
    }

    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}

package com.paystatus.subscription;

import com.paystatus.shared.PayStatusProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Keeps each group robot within its vendor's rate limit (WeCom and DingTalk: 20 messages a minute;
 * Feishu: 100 a minute and 5 a second; DingTalk silences a robot for 10 minutes past its limit) with
 * Bucket4j token buckets on the application's clock. A message that may not go now is not dropped:
 * it is held, and the next message that goes out says how many updates it stands for and since when
 * ("3 updates since 14:02") and carries the latest of them. Each bucket is sized so that no sliding
 * window ever holds more than the limit (capacity plus refill over the window stays within it).
 * The buckets are this instance's: with several instances each keeps its own count, so the core
 * should deliver one robot's messages from one instance at a time.
 */
@Component
class RobotThrottle {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final MessageSource messages;
    private final ZoneId zone;
    private final TimeMeter time;
    private final Map<String, Robot> robots = new ConcurrentHashMap<>();

    @Autowired
    RobotThrottle(Clock clock, MessageSource messages, PayStatusProperties properties) {
        this(clock, messages, properties.zone());
    }

    RobotThrottle(Clock clock, MessageSource messages, ZoneId zone) {
        this.clock = clock;
        this.messages = messages;
        this.zone = zone;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** One message for a robot that may go out now, merged with those held before it. */
    record Release(String robot, RobotType type, RobotMessage message) {}

    /**
     * The message to send to the robot now (this one, or this one standing for those held before
     * it), or nothing while the robot may not speak: then it is held for {@link #release}.
     *
     * @param robot what names the robot across calls (its subscriber id)
     */
    Optional<RobotMessage> offer(String robot, RobotType type, RobotMessage message) {
        Robot state = robots.computeIfAbsent(robot, r -> new Robot(type, bucket(type)));
        synchronized (state) {
            state.hold(message);
            return state.bucket.tryConsume(1) ? Optional.of(state.takeHeld()) : Optional.empty();
        }
    }

    /**
     * Whether the robot may speak now, taking one message from its allowance: for deliveries that stay
     * pending (and are tried again later) while it may not, so nothing waits in this instance's memory.
     */
    boolean tryAcquire(String robot, RobotType type) {
        Robot state = robots.computeIfAbsent(robot, r -> new Robot(type, bucket(type)));
        synchronized (state) {
            return state.bucket.tryConsume(1);
        }
    }

    /** How many more messages the robot may send now without waiting. */
    long available(String robot, RobotType type) {
        Robot state = robots.computeIfAbsent(robot, r -> new Robot(type, bucket(type)));
        synchronized (state) {
            return state.bucket.getAvailableTokens();
        }
    }

    /** How long until the robot may send one more message; zero when it may now. */
    Duration untilAllowed(String robot, RobotType type) {
        Robot state = robots.computeIfAbsent(robot, r -> new Robot(type, bucket(type)));
        synchronized (state) {
            return Duration.ofNanos(state.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** The held messages that may go out now, one per robot, each standing for all held for it. */
    List<Release> release() {
        List<Release> due = new ArrayList<>();
        robots.forEach((robot, state) -> {
            synchronized (state) {
                if (state.held > 0 && state.bucket.tryConsume(1)) {
                    due.add(new Release(robot, state.type, state.takeHeld()));
                }
            }
        });
        return due;
    }

    /** How long until the robot's held messages can go out; zero when none are held or they can now. */
    Duration untilRelease(String robot) {
        Robot state = robots.get(robot);
        if (state == null) {
            return Duration.ZERO;
        }
        synchronized (state) {
            if (state.held == 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(state.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /**
     * WeCom and DingTalk: 10 at once and 10 more a minute, so never more than 20 in any minute;
     * Feishu: 50 and 50 a minute (100), and 3 and 2 a second (5).
     */
    private Bucket bucket(RobotType type) {
        var builder = Bucket.builder().withCustomTimePrecision(time);
        switch (type) {
            case WECOM, DINGTALK -> builder.addLimit(limit(10, 10, Duration.ofMinutes(1)));
            case FEISHU ->
                builder.addLimit(limit(50, 50, Duration.ofMinutes(1))).addLimit(limit(3, 2, Duration.ofSeconds(1)));
        }
        return builder.build();
    }

    private static Bandwidth limit(long capacity, long refill, Duration every) {
        return Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(refill, every)
                .initialTokens(capacity)
                .build();
    }

    /** One robot's bucket and what is held for it. */
    private final class Robot {

        final RobotType type;
        final Bucket bucket;
        int held;
        Instant heldSince;
        RobotMessage latest;

        Robot(RobotType type, Bucket bucket) {
            this.type = type;
            this.bucket = bucket;
        }

        void hold(RobotMessage message) {
            held++;
            if (heldSince == null) {
                heldSince = message.at() != null ? message.at() : clock.instant();
            }
            latest = message;
        }

        RobotMessage takeHeld() {
            RobotMessage out = held == 1 ? latest : merged(held, heldSince, latest);
            held = 0;
            heldSince = null;
            latest = null;
            return out;
        }
    }

    /** One message standing for {@code count} updates since {@code since}: the latest, under a summary line. */
    RobotMessage merged(int count, Instant since, RobotMessage latest) {
        return merged(count, since, latest, List.of());
    }

    /**
     * As {@link #merged(int, Instant, RobotMessage)}, listing the titles of the earlier updates too, so
     * that none of them goes unmentioned.
     */
    RobotMessage merged(int count, Instant since, RobotMessage latest, List<String> earlierTitles) {
        String earlier =
                earlierTitles.stream().map(t -> "- " + t + "\n").collect(java.util.stream.Collectors.joining());
        String summary = messages.getMessage(
                "robot.coalesced", new Object[] {count, HOUR_MINUTE.format(since.atZone(zone))}, latest.locale());
        return new RobotMessage(
                latest.title(),
                summary + "\n" + earlier + latest.text(),
                "> " + summary + "\n\n" + earlier + (earlier.isEmpty() ? "" : "\n") + latest.markdown(),
                latest.link(),
                latest.at(),
                latest.language());
    }
}

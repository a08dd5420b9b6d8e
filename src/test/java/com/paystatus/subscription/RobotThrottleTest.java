package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.shared.OperatorTexts;
import com.paystatus.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The vendors' rate limits on a clock in the test's hands: never more than the limit in any sliding
 * window, and what is held back is merged into the next message instead of being lost.
 */
class RobotThrottleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 14:02 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-11-25T06:02:00Z");

    final TestClock clock = new TestClock(T0);
    final RobotThrottle throttle = new RobotThrottle(clock, OperatorTexts.messageBundle(), SHANGHAI);

    record Sent(Instant at, RobotMessage message) {}

    @Test
    void weComAndDingTalkNeverSendMoreThanTwentyInAnyMinuteAndLoseNothing() {
        for (RobotType type : List.of(RobotType.WECOM, RobotType.DINGTALK)) {
            clock.set(T0);
            List<Sent> sent = new ArrayList<>();
            int offered = 0;
            // one update a second for five minutes, then ten quiet minutes
            for (int second = 0; second < 15 * 60; second++) {
                if (second < 5 * 60) {
                    offered++;
                    throttle.offer(type.code(), type, update(offered, "en"))
                            .ifPresent(m -> sent.add(new Sent(clock.instant(), m)));
                }
                throttle.release().forEach(r -> sent.add(new Sent(clock.instant(), r.message())));
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(maxInWindow(sent, Duration.ofMinutes(1))).as(type.code()).isLessThanOrEqualTo(20);
            assertThat(sent.stream().mapToInt(s -> updatesIn(s.message())).sum())
                    .as("every update is counted in some message")
                    .isEqualTo(offered);
            assertThat(sent.get(sent.size() - 1).message().title())
                    .as("the last message carries the latest state")
                    .isEqualTo("update " + offered);
        }
    }

    @Test
    void feishuStaysWithinFiveASecondAndAHundredAMinute() {
        List<Sent> sent = new ArrayList<>();
        int offered = 0;
        // ten updates each second, for two minutes
        for (int tick = 0; tick < 10 * 120; tick++) {
            offered++;
            throttle.offer("feishu-1", RobotType.FEISHU, update(offered, "zh"))
                    .ifPresent(m -> sent.add(new Sent(clock.instant(), m)));
            throttle.release().forEach(r -> sent.add(new Sent(clock.instant(), r.message())));
            clock.advance(Duration.ofMillis(100));
        }
        for (int quiet = 0; quiet < 600; quiet++) {
            throttle.release().forEach(r -> sent.add(new Sent(clock.instant(), r.message())));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(maxInWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(5);
        assertThat(maxInWindow(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(100);
        assertThat(sent.stream().mapToInt(s -> updatesIn(s.message())).sum()).isEqualTo(offered);
    }

    @Test
    void heldUpdatesGoOutAsOneMessageSayingHowManyAndSinceWhenInBothLanguages() {
        for (String language : List.of("en", "zh")) {
            String robot = "robot-" + language;
            clock.set(T0);
            // ten at once use up the bucket; then one more every six seconds
            for (int i = 0; i < 10; i++) {
                assertThat(throttle.offer(robot, RobotType.WECOM, update(i, language)))
                        .isPresent();
            }
            for (int n = 100; n < 103; n++) {
                assertThat(throttle.offer(robot, RobotType.WECOM, update(n, language, clock.instant())))
                        .isEmpty();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(throttle.release()).isEmpty();
            clock.set(T0.plus(Duration.ofSeconds(6)));
            // there is room again: the latest update goes out and stands for all three
            RobotMessage merged = throttle.release().get(0).message();

            String summary = language.equals("en") ? "3 updates since 14:02" : "自 14:02 以来共 3 条更新";
            assertThat(merged.text()).isEqualTo(summary + "\n" + "text 102");
            assertThat(merged.markdown()).startsWith("> " + summary + "\n\n").endsWith("markdown 102");
            assertThat(merged.title()).isEqualTo("update 102");
            assertThat(merged.link()).isEqualTo("https://status.example.com/notices/102");
            assertThat(throttle.untilRelease(robot)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void aThrottledRobotSaysWhenItCanSpeakAgain() {
        for (int i = 0; i < 10; i++) {
            throttle.offer("r", RobotType.DINGTALK, update(i, "zh"));
        }
        assertThat(throttle.offer("r", RobotType.DINGTALK, update(10, "zh"))).isEmpty();

        Duration wait = throttle.untilRelease("r");

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
        clock.advance(wait);
        assertThat(throttle.release())
                .singleElement()
                .satisfies(r -> assertThat(r.message().title()).isEqualTo("update 10"));
    }

    private static RobotMessage update(int n, String language) {
        return update(n, language, T0);
    }

    private static RobotMessage update(int n, String language, Instant at) {
        return new RobotMessage(
                "update " + n, "text " + n, "markdown " + n, "https://status.example.com/notices/" + n, at, language);
    }

    private static final Pattern COUNT = Pattern.compile("^(?:(\\d+) updates since|自 \\d\\d:\\d\\d 以来共 (\\d+) 条更新)");

    private static int updatesIn(RobotMessage message) {
        Matcher m = COUNT.matcher(message.text());
        if (!m.find()) {
            return 1;
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static int maxInWindow(List<Sent> sent, Duration window) {
        int max = 0;
        for (int i = 0; i < sent.size(); i++) {
            int count = 0;
            for (int j = i;
                    j < sent.size()
                            && sent.get(j).at().isBefore(sent.get(i).at().plus(window));
                    j++) {
                count++;
            }
            max = Math.max(max, count);
        }
        return max;
    }
}

package com.paystatus.status;

import com.paystatus.notice.NoticeSpan;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.NotFoundException;
import com.paystatus.shared.PayStatusProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A channel's daily uptime as JSON, from the snapshot: what the bars on the pages show. */
@RestController
class AvailabilityApiController {

    private final StatusSnapshots snapshots;
    private final PayStatusProperties properties;
    private final Clock clock;

    AvailabilityApiController(StatusSnapshots snapshots, PayStatusProperties properties, Clock clock) {
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param availability the share of the day, maintenance left out, rounded down to three decimals;
     *     null before the channel existed
     */
    record DayJson(
            String date,
            BigDecimal availability,
            String worstState,
            long outageMinutes,
            long maintenanceMinutes,
            List<Long> notices) {}

    @GetMapping("/api/channels/{slug}/availability")
    List<DayJson> availability(@PathVariable String slug, @RequestParam(defaultValue = "90") String days) {
        int count = parseDays(days);
        StatusSnapshot status = snapshots.current();
        status.channel(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        return status.uptime(slug, properties.zone(), clock.instant(), count).stream()
                .map(b -> new DayJson(
                        b.date().toString(),
                        b.availability() == null
                                ? null
                                : new BigDecimal(b.availability()).setScale(3, RoundingMode.FLOOR),
                        b.worstState() == null ? null : b.worstState().code(),
                        b.outageSeconds() / 60,
                        b.maintenanceSeconds() / 60,
                        b.notices().stream().map(NoticeSpan::id).toList()))
                .toList();
    }

    private static int parseDays(String days) {
        try {
            int count = Integer.parseInt(days.trim());
            if (count >= 1 && count <= StatusSnapshot.UPTIME_DAYS) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("days", "validation.days", StatusSnapshot.UPTIME_DAYS);
    }
}

package com.paystatus.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/**
 * The two queries uptime is derived from (which change was in force at the start of a period, and
 * every change after it), on the Flyway schema, without the rest of the app: a JPA slice.
 */
@DataJpaTest
class StateHistoryQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    @Autowired
    TestEntityManager entities;

    @Autowired
    ChannelStateChangeRepository changes;

    Long channel;
    Long other;

    @BeforeEach
    void twoChannels() {
        ChannelGroup group = entities.persist(new ChannelGroup("测试", "Tests", 1));
        channel = entities.persist(new Channel("uptime", details("uptime"), group, T0))
                .getId();
        other = entities.persist(new Channel("other", details("other"), group, T0))
                .getId();
    }

    private static ChannelDetails details(String name) {
        return new ChannelDetails(name, name, "", "", "测试", "Tests", 1, List.of());
    }

    private ChannelStateChange change(Long channelId, ChannelState from, ChannelState to, Instant at) {
        return entities.persistAndFlush(new ChannelStateChange(channelId, from, to, at, "ops", null, null));
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void theChangeInForceAtAMomentIsTheLastOneAtOrBeforeIt() {
        change(channel, null, ChannelState.AVAILABLE, T0);
        change(channel, ChannelState.AVAILABLE, ChannelState.UNAVAILABLE, minutes(60));
        change(channel, ChannelState.UNAVAILABLE, ChannelState.DEGRADED, minutes(120));
        change(other, null, ChannelState.MAINTENANCE, minutes(90));

        assertThat(changes.findInForceAt(channel, minutes(-1))).isEmpty();
        assertThat(changes.findInForceAt(channel, minutes(59)))
                .extracting(ChannelStateChange::getToState)
                .containsExactly(ChannelState.AVAILABLE);
        assertThat(changes.findInForceAt(channel, minutes(90)))
                .extracting(ChannelStateChange::getToState)
                .containsExactly(ChannelState.UNAVAILABLE);
        // at the very moment of a change, that change is in force
        assertThat(changes.findInForceAt(channel, minutes(120)))
                .extracting(ChannelStateChange::getToState)
                .containsExactly(ChannelState.DEGRADED);
    }

    @Test
    void ofTwoChangesAtTheSameMomentTheLastWrittenComesFirst() {
        change(channel, null, ChannelState.AVAILABLE, T0);
        change(channel, ChannelState.AVAILABLE, ChannelState.UNAVAILABLE, minutes(30));
        change(channel, ChannelState.UNAVAILABLE, ChannelState.COMPLIANCE_REVIEW, minutes(30));

        assertThat(changes.findInForceAt(channel, minutes(45)))
                .extracting(ChannelStateChange::getToState)
                .containsExactly(ChannelState.COMPLIANCE_REVIEW, ChannelState.UNAVAILABLE);
    }

    @Test
    void theChangesAfterAMomentComeOldestFirstAndOnlyForThatChannel() {
        change(channel, ChannelState.AVAILABLE, ChannelState.DEGRADED, minutes(120));
        change(channel, null, ChannelState.AVAILABLE, T0);
        change(channel, ChannelState.DEGRADED, ChannelState.AVAILABLE, minutes(180));
        change(other, null, ChannelState.UNAVAILABLE, minutes(150));

        // strictly after: the change at T0 is the one in force, not one of those after it
        assertThat(changes.findByChannelIdAndChangedAtAfterOrderByChangedAtAscIdAsc(channel, T0))
                .extracting(ChannelStateChange::getToState)
                .containsExactly(ChannelState.DEGRADED, ChannelState.AVAILABLE);
        assertThat(changes.latest(channel))
                .get()
                .extracting(ChannelStateChange::getToState)
                .isEqualTo(ChannelState.AVAILABLE);
    }
}

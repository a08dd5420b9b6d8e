package com.paystatus.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.shared.Coded;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelStateTest {

    @Test
    void aChannelHeldBySeveralCausesShowsTheWorst() {
        assertThat(ChannelState.worst(
                        List.of(ChannelState.DEGRADED, ChannelState.UNAVAILABLE, ChannelState.MAINTENANCE)))
                .isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(ChannelState.worst(List.of(ChannelState.AVAILABLE, ChannelState.COMPLIANCE_REVIEW)))
                .isEqualTo(ChannelState.COMPLIANCE_REVIEW);
        assertThat(ChannelState.worst(List.of())).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void onlyAvailableAndDegradedChannelsCanBeUsedToPay() {
        assertThat(List.of(ChannelState.values()))
                .filteredOn(ChannelState::isUsable)
                .containsExactly(ChannelState.AVAILABLE, ChannelState.DEGRADED);
    }

    @Test
    void statesAreSpelledWithTheSharedVocabulary() {
        assertThat(List.of(ChannelState.values()))
                .extracting(ChannelState::code)
                .containsExactly("available", "degraded", "maintenance", "compliance_review", "unavailable");
        assertThat(Coded.fromCode(ChannelState.class, "compliance_review")).contains(ChannelState.COMPLIANCE_REVIEW);
        assertThat(Coded.fromCode(ChannelState.class, "COMPLIANCE_REVIEW")).isEmpty();
        assertThat(Coded.fromCode(ChannelState.class, null)).isEmpty();
    }
}

package com.paystatus.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelStateChangeRepository extends JpaRepository<ChannelStateChange, Long> {

    List<ChannelStateChange> findByChannelIdOrderByChangedAtDescIdDesc(Long channelId, Limit limit);

    /** The change in force at {@code at}: the last one at or before it. */
    Optional<ChannelStateChange> findFirstByChannelIdAndChangedAtLessThanEqualOrderByChangedAtDescIdDesc(
            Long channelId, Instant at);

    List<ChannelStateChange> findByChannelIdAndChangedAtAfterOrderByChangedAtAscIdAsc(Long channelId, Instant after);

    default Optional<ChannelStateChange> latest(Long channelId) {
        return findByChannelIdOrderByChangedAtDescIdDesc(channelId, Limit.of(1)).stream()
                .findFirst();
    }
}

package com.paystatus.channel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelStateChangeRepository extends JpaRepository<ChannelStateChange, Long> {

    List<ChannelStateChange> findByChannelIdOrderByChangedAtDescIdDesc(Long channelId, Limit limit);

    default Optional<ChannelStateChange> latest(Long channelId) {
        return findByChannelIdOrderByChangedAtDescIdDesc(channelId, Limit.of(1)).stream()
                .findFirst();
    }
}

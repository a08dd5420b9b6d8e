package com.paystatus.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelStateChangeRepository extends JpaRepository<ChannelStateChange, Long> {

    List<ChannelStateChange> findByChannelIdOrderByChangedAtDescIdDesc(Long channelId, Limit limit);

    /**
     * A channel's latest changes, last first, as records: nothing joins the persistence context, so a
     * write transaction that reads every channel does not dirty-check ten changes per channel before
     * each of its later queries (which made reading N channels cost N squared).
     */
    @Query(
            "select new com.paystatus.channel.StateChange(c.fromState, c.toState, c.changedAt, c.changedBy, c.reason,"
                    + " c.noticeId) from ChannelStateChange c where c.channelId = :channelId order by c.changedAt desc, c.id desc")
    List<StateChange> recent(Long channelId, Limit limit);

    /**
     * The changes made at the last moment at or before {@code at}, last first: the first is the one in
     * force then. Asked through max(), which both databases answer from the (channel, time) index
     * instead of sorting years of history.
     */
    @Query("select c from ChannelStateChange c where c.channelId = :channelId and c.changedAt ="
            + " (select max(x.changedAt) from ChannelStateChange x where x.channelId = :channelId and x.changedAt <= :at)"
            + " order by c.id desc")
    List<ChannelStateChange> findInForceAt(Long channelId, Instant at);

    List<ChannelStateChange> findByChannelIdAndChangedAtAfterOrderByChangedAtAscIdAsc(Long channelId, Instant after);

    default Optional<ChannelStateChange> latest(Long channelId) {
        return findByChannelIdOrderByChangedAtDescIdDesc(channelId, Limit.of(1)).stream()
                .findFirst();
    }
}

package com.paystatus.notice;

import com.paystatus.channel.StateHold;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<Notice, Long>, JpaSpecificationExecutor<Notice> {

    @Query(
            "select n from Notice n where n.resolvedAt is null or n.resolvedAt >= :since order by n.createdAt desc, n.id desc")
    List<Notice> findOpenOrResolvedSince(Instant since);

    @Query(
            "select new com.paystatus.channel.StateHold(a.channelId, a.state, n.id) from Notice n join n.channels a where n.resolvedAt is null")
    List<StateHold> findOpenHolds();
}

package com.paystatus.notice;

import com.paystatus.channel.StateHold;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface NoticeRepository extends JpaRepository<Notice, Long>, JpaSpecificationExecutor<Notice> {

    /**
     * The notice, locked until the transaction ends: writers of one notice take turns, so an update
     * that names no version lands after the one before it instead of failing on its version.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notice n where n.id = :id")
    Optional<Notice> findForUpdate(long id);

    @Query(
            "select n from Notice n where n.resolvedAt is null or n.resolvedAt >= :since order by n.createdAt desc, n.id desc")
    List<Notice> findOpenOrResolvedSince(Instant since);

    @Query(
            "select new com.paystatus.channel.StateHold(a.channelId, a.state, n.id) from Notice n join n.channels a where n.resolvedAt is null")
    List<StateHold> findOpenHolds();
}

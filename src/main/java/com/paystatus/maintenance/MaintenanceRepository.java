package com.paystatus.maintenance;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaintenanceRepository extends JpaRepository<Maintenance, Long> {

    /** Windows whose start or end has not been written to the history yet. */
    @Query("select m from Maintenance m where m.endRecordedAt is null order by m.startsAt")
    List<Maintenance> findUnfinished();

    /** Windows still to come or under way, and those that ended after {@code since}. */
    @Query("select m from Maintenance m where m.endsAt >= :since or m.endRecordedAt is null"
            + " or (m.completedAt is not null and m.completedAt >= :since) order by m.startsAt, m.id")
    List<Maintenance> findCurrentOrEndedSince(Instant since);
}

package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.PublicChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link StatusSnapshot} and rebuilds it after every committed public change: it
 * reads the records and swaps in what {@link SnapshotBuilder} makes of them.
 * Rebuilds are serialised, and a snapshot never replaces one of a newer revision. Every second it
 * also reads the one revision row, so that a change made through another instance shows here too;
 * when the database cannot be reached, the last snapshot goes on being served and {@link
 * #freshness()} says since when it has not been refreshed.
 */
@Component
public class StatusSnapshots {

    private static final Logger log = LoggerFactory.getLogger(StatusSnapshots.class);

    private final ChannelService channels;
    private final NoticeService notices;
    private final MaintenanceService maintenances;
    private final StatusRevision statusRevision;
    private final PayStatusProperties properties;
    private final Clock clock;
    private final TransactionTemplate readTransaction;
    private final AtomicReference<StatusSnapshot> current = new AtomicReference<>();
    private volatile Instant lastContact;
    private volatile boolean databaseUnreachable;

    StatusSnapshots(
            ChannelService channels,
            NoticeService notices,
            MaintenanceService maintenances,
            StatusRevision revision,
            PayStatusProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.channels = channels;
        this.notices = notices;
        this.maintenances = maintenances;
        this.statusRevision = revision;
        this.properties = properties;
        this.clock = clock;
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
        this.readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public StatusSnapshot current() {
        StatusSnapshot snapshot = current.get();
        return snapshot != null ? snapshot : rebuild();
    }

    /** Whether the snapshot still follows the database, and when it last heard from it. */
    public Freshness freshness() {
        StatusSnapshot snapshot = current();
        Instant contact = lastContact != null ? lastContact : snapshot.builtAt();
        return new Freshness(!databaseUnreachable, contact, snapshot.revision());
    }

    /**
     * @param current false while the database cannot be reached
     * @param lastContact when the database last answered
     */
    public record Freshness(boolean current, Instant lastContact, long revision) {}

    /** Picks up changes made through other instances, and notices when the database is gone or back. */
    @Scheduled(
            initialDelayString = "${paystatus.snapshot.poll-interval:1s}",
            fixedDelayString = "${paystatus.snapshot.poll-interval:1s}")
    void poll() {
        try {
            if (databaseUnreachable) {
                rebuild();
            } else {
                refreshIfBehind();
            }
            lastContact = clock.instant();
            if (databaseUnreachable) {
                log.info(
                        "The database answers again; the status snapshot is at revision {}",
                        current().revision());
                databaseUnreachable = false;
            }
        } catch (DataAccessException | TransactionException e) {
            log.debug("Snapshot poll failed", e);
            if (!databaseUnreachable) {
                log.warn(
                        "Cannot reach the database; serving the status snapshot of revision {} meanwhile: {}",
                        current.get() == null ? -1 : current.get().revision(),
                        e.getMessage());
                databaseUnreachable = true;
            }
        }
    }

    /**
     * Rebuilds once after the commit of a transaction that published public changes, however many
     * it published (a scheduler run that starts ten windows rebuilds once).
     */
    @EventListener
    void onPublicChange(PublicChange change) {
        OncePerTransaction.register(RebuildAfterCommit.class, () -> new RebuildAfterCommit(change));
    }

    private final class RebuildAfterCommit implements TransactionSynchronization {

        private final PublicChange first;

        RebuildAfterCommit(PublicChange first) {
            this.first = first;
        }

        @Override
        public void afterCommit() {
            try {
                rebuild();
            } catch (RuntimeException e) {
                // The write has committed; readers keep the previous snapshot until the next rebuild.
                log.error(
                        "Could not rebuild the status snapshot after {}",
                        first.getClass().getSimpleName(),
                        e);
            }
        }
    }

    /**
     * Rebuilds the snapshot if the database's revision has moved past it: a change written by another
     * instance sharing the database. Returns whether it rebuilt.
     */
    public boolean refreshIfBehind() {
        StatusSnapshot snapshot = current.get();
        if (snapshot != null && statusRevision.current() <= snapshot.revision()) {
            return false;
        }
        rebuild();
        return true;
    }

    /** Reads everything the public sees in one read-only transaction and makes it current. */
    public synchronized StatusSnapshot rebuild() {
        StatusSnapshot built = readTransaction.execute(tx -> build());
        StatusSnapshot result = current.accumulateAndGet(
                built, (old, fresh) -> old == null || fresh.revision() >= old.revision() ? fresh : old);
        log.debug("Status snapshot at revision {}", result.revision());
        return result;
    }

    /** One read of each source; the channels are read once and name the channels of everything else. */
    private StatusSnapshot build() {
        long revision = statusRevision.current();
        Instant now = clock.instant();
        Instant uptimeFrom = SnapshotBuilder.uptimeFrom(now);
        Instant recentFrom = now.minus(Duration.ofDays(properties.recentDays()));
        List<ChannelRecord> all = channels.all();
        Map<Long, String> slugs = SnapshotBuilder.slugsById(all);
        return SnapshotBuilder.build(new SnapshotBuilder.Sources(
                revision,
                now,
                recentFrom,
                uptimeFrom,
                all,
                // one read serves both the notices shown and the uptime bars' notices
                notices.openOrResolvedSince(recentFrom.isBefore(uptimeFrom) ? recentFrom : uptimeFrom, slugs),
                maintenances.currentOrEndedSince(recentFrom, slugs),
                channels.timelines(slugs, uptimeFrom)));
    }
}

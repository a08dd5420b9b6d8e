package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeUpdated;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.PublicChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link StatusSnapshot} and rebuilds it after every committed public change: it
 * reads the records and swaps in what {@link SnapshotBuilder} makes of them; an update to an open notice
 * is put into the last read instead (see {@link #applied}), so that a busy outage does not read
 * everything again per update.
 * Rebuilds are serialised, and a snapshot never replaces one of a newer revision. Every second it
 * also reads the one revision row, so that a change made through another instance shows here too;
 * when the database cannot be reached, the last snapshot goes on being served and {@link
 * #freshness()} says since when it has not been refreshed.
 */
@Component
public class StatusSnapshots {

    private static final Logger log = LoggerFactory.getLogger(StatusSnapshots.class);

    /** However many notice updates are put in, everything is read again at least this often. */
    static final Duration FULL_READ_EVERY = Duration.ofSeconds(60);

    private final ChannelService channels;
    private final NoticeService notices;
    private final MaintenanceService maintenances;
    private final StatusRevision statusRevision;
    private final PayStatusProperties properties;
    private final Clock clock;
    private final TransactionTemplate readTransaction;
    private final Timer rebuilds;
    private final AtomicReference<StatusSnapshot> current = new AtomicReference<>();
    private final AtomicLong fullReads = new AtomicLong();
    /** This instance's transactions with a public change that are committing and not rebuilt yet. */
    private final AtomicInteger writesInFlight = new AtomicInteger();
    /** What the last full read found, for {@link #applied}; null when the current snapshot is not its. */
    private volatile SnapshotBuilder.Sources lastRead;
    /** Hands the sources of a build out of its read transaction. */
    private final AtomicReference<SnapshotBuilder.Sources> lastReads = new AtomicReference<>();

    private volatile Instant lastContact;
    private volatile boolean databaseUnreachable;

    StatusSnapshots(
            ChannelService channels,
            NoticeService notices,
            MaintenanceService maintenances,
            StatusRevision revision,
            PayStatusProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            MeterRegistry registry) {
        this.channels = channels;
        this.notices = notices;
        this.maintenances = maintenances;
        this.statusRevision = revision;
        this.properties = properties;
        this.clock = clock;
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
        this.readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rebuilds = Timer.builder("paystatus.snapshot.rebuild")
                .description("Time to read and build the status snapshot, after each public change")
                .register(registry);
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

    /** As {@code freshness().current()}, without building anything: asked on every public read. */
    public boolean followsDatabase() {
        return !databaseUnreachable;
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
        if (!databaseUnreachable && writesInFlight.get() > 0) {
            // a write of this instance is committing: the rebuild after its commit reads it and anything
            // another instance wrote meanwhile; a poll now would read everything once more for nothing
            return;
        }
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
        if (!OncePerTransaction.register(RebuildAfterCommit.class, () -> new RebuildAfterCommit(change))
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().stream()
                    .filter(RebuildAfterCommit.class::isInstance)
                    .map(RebuildAfterCommit.class::cast)
                    .forEach(RebuildAfterCommit::more);
        }
    }

    private final class RebuildAfterCommit implements TransactionSynchronization {

        private final PublicChange first;
        private boolean only = true;
        private boolean committing;

        RebuildAfterCommit(PublicChange first) {
            this.first = first;
        }

        void more() {
            only = false;
        }

        @Override
        public void afterCommit() {
            // the database has just answered: what the pages say of when the board was last confirmed
            // current stays true while writes keep the poll from running
            lastContact = clock.instant();
            try {
                if (!only || !applied(first)) {
                    rebuild();
                }
            } catch (RuntimeException e) {
                // The write has committed; readers keep the previous snapshot until the next rebuild.
                log.error(
                        "Could not rebuild the status snapshot after {}",
                        first.getClass().getSimpleName(),
                        e);
            }
        }

        /** From just before the commit makes the change visible until this rebuild has read it. */
        @Override
        public void beforeCommit(boolean readOnly) {
            writesInFlight.incrementAndGet();
            committing = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (committing) {
                writesInFlight.decrementAndGet();
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

    /**
     * The cheap case of a write, the most frequent one during an outage: an update to an open notice
     * that leaves its channels as they were changes nothing but that notice. It is put into what the
     * last full read found, without reading anything but the revision. Anything else, a revision that
     * moved by more than this change (another writer, another instance), a record older than the one
     * held, or a full read older than {@link #FULL_READ_EVERY}, is a full rebuild. Returns whether it
     * applied the change.
     */
    private synchronized boolean applied(PublicChange change) {
        if (!(change instanceof NoticeUpdated updated)
                || !updated.before().isOpen()
                || !updated.after().isOpen()
                || !updated.before().channels().equals(updated.after().channels())) {
            return false;
        }
        long start = System.nanoTime();
        SnapshotBuilder.Sources last = lastRead;
        StatusSnapshot snapshot = current.get();
        Instant now = clock.instant();
        if (last == null
                || snapshot == null
                || snapshot.revision() != last.revision()
                || databaseUnreachable
                || last.builtAt().plus(FULL_READ_EVERY).isBefore(now)) {
            return false;
        }
        NoticeRecord after = updated.after();
        List<NoticeRecord> notices = new ArrayList<>(last.notices());
        int index = -1;
        for (int i = 0; i < notices.size(); i++) {
            if (notices.get(i).id() == after.id()) {
                index = i;
            }
        }
        if (index < 0 || notices.get(index).updates().size() >= after.updates().size()) {
            return false;
        }
        long revision = statusRevision.current();
        if (revision != snapshot.revision() + 1) {
            return false;
        }
        notices.set(index, after);
        SnapshotBuilder.Sources sources = new SnapshotBuilder.Sources(
                revision,
                now,
                now.minus(Duration.ofDays(properties.recentDays())),
                SnapshotBuilder.uptimeFrom(now),
                last.channels(),
                List.copyOf(notices),
                last.maintenances(),
                last.timelines());
        StatusSnapshot built = SnapshotBuilder.build(sources);
        if (current.compareAndSet(snapshot, built)) {
            lastRead = new SnapshotBuilder.Sources(
                    revision,
                    last.builtAt(),
                    last.recentFrom(),
                    last.uptimeFrom(),
                    last.channels(),
                    sources.notices(),
                    last.maintenances(),
                    last.timelines());
        } else {
            return false;
        }
        long took = System.nanoTime() - start;
        rebuilds.record(took, TimeUnit.NANOSECONDS);
        log.debug("Status snapshot at revision {}, notice {} put in in {} µs", revision, after.id(), took / 1000);
        return true;
    }

    /** Reads everything the public sees in one read-only transaction and makes it current. */
    public synchronized StatusSnapshot rebuild() {
        long start = System.nanoTime();
        StatusSnapshot built = readTransaction.execute(tx -> build());
        StatusSnapshot result = current.accumulateAndGet(
                built, (old, fresh) -> old == null || fresh.revision() >= old.revision() ? fresh : old);
        SnapshotBuilder.Sources read = lastReads.getAndSet(null);
        lastRead = result == built ? read : null;
        long took = System.nanoTime() - start;
        rebuilds.record(took, TimeUnit.NANOSECONDS);
        log.debug("Status snapshot at revision {}, built in {} µs", result.revision(), took / 1000);
        return result;
    }

    /** How many times everything was read: for tests. */
    long fullReads() {
        return fullReads.get();
    }

    /** One read of each source; the channels are read once and name the channels of everything else. */
    private StatusSnapshot build() {
        fullReads.incrementAndGet();
        long revision = statusRevision.current();
        Instant now = clock.instant();
        Instant uptimeFrom = SnapshotBuilder.uptimeFrom(now);
        Instant recentFrom = now.minus(Duration.ofDays(properties.recentDays()));
        List<ChannelRecord> all = channels.all();
        Map<Long, String> slugs = SnapshotBuilder.slugsById(all);
        SnapshotBuilder.Sources sources = new SnapshotBuilder.Sources(
                revision,
                now,
                recentFrom,
                uptimeFrom,
                all,
                // one read serves both the notices shown and the uptime bars' notices
                notices.openOrResolvedSince(recentFrom.isBefore(uptimeFrom) ? recentFrom : uptimeFrom, slugs),
                maintenances.currentOrEndedSince(recentFrom, slugs),
                channels.timelines(slugs, uptimeFrom));
        StatusSnapshot built = SnapshotBuilder.build(sources);
        lastReads.set(sources);
        return built;
    }
}

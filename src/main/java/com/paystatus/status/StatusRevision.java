package com.paystatus.status;

import com.paystatus.shared.PublicChange;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The single revision of what the public sees, one row in {@code status_revision}. Every {@link
 * PublicChange} bumps it inside the transaction that made the change (so a rolled-back change leaves it
 * alone), once per transaction however many changes it publishes; {@link StatusSnapshots} compares it with its snapshot, here and on other instances.
 */
@Component
class StatusRevision {

    private final JdbcTemplate jdbc;

    StatusRevision(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump(PublicChange change) {
        if (OncePerTransaction.register(Bumped.class, Bumped::new)) {
            jdbc.update("update status_revision set revision = revision + 1 where id = 1");
        }
    }

    /** Marks a transaction whose revision has moved already. */
    private static final class Bumped implements TransactionSynchronization {}

    public long current() {
        Long revision = jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }
}

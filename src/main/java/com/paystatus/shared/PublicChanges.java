package com.paystatus.shared;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write that changes what the public sees calls {@link #record()} inside its transaction: it
 * bumps the single status revision row and announces the change, so the read snapshot is rebuilt
 * once the transaction commits (and other instances can notice the new revision).
 */
@Component
public class PublicChanges {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PublicChanges(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record() {
        jdbc.update("update status_revision set revision = revision + 1 where id = 1");
        Long revision = jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
        events.publishEvent(new PublicStatusChanged(revision));
    }

    /** Records a public change and, in the same transaction, its audit entry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Audited audited) {
        events.publishEvent(audited);
        record();
    }

    public long current() {
        Long revision = jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }
}

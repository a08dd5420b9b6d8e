package com.paystatus.status;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages' streams ({@code /api/live}): each is told the status revision when it opens and
 * whenever the snapshot moves past it, in the same few bytes for everyone ({@code id: 42}, {@code
 * data: 42}). It watches the snapshot rather than the events, so a change made through another
 * instance (which this one's snapshot picks up within a second) reaches its pages too. Streams are
 * asynchronous requests: an open page holds a connection and a small emitter, no thread. Sending
 * runs on this class's own thread, never on the scheduler that flushes reports and polls the
 * database. Each stream ends after a while (its reader reconnects at once, as EventSource does), so
 * that a reader that vanished without a word is forgotten even if no write ever fails. The revision
 * is watched, and heartbeats sent, only while at least one stream is open: an instance no system
 * listens to spends nothing on it.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    /** How long a stream lives before its reader is asked to reconnect: 10 to 15 minutes. */
    private static final long LIFETIME_MILLIS = 10 * 60_000L;

    /** What EventSource waits before reconnecting after the stream ends or the app restarts. */
    static final long RETRY_MILLIS = 1500;

    private final StatusSnapshots snapshots;
    private final LiveUpdates settings;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-stream");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long sentRevision = -1;
    /** The watch and the heartbeat while streams are open, else null; changed only in {@link #watchWhileOpen}. */
    private ScheduledFuture<?> watching;

    private ScheduledFuture<?> beating;

    LiveStream(StatusSnapshots snapshots, LiveUpdates settings) {
        this.snapshots = snapshots;
        this.settings = settings;
    }

    /** A new stream that starts with the current revision, or null when this instance holds enough. */
    SseEmitter open() {
        if (count.incrementAndGet() > settings.maxStreams()) {
            count.decrementAndGet();
            return null;
        }
        SseEmitter emitter =
                new SseEmitter(LIFETIME_MILLIS + ThreadLocalRandom.current().nextLong(LIFETIME_MILLIS / 2));
        Runnable forget = () -> forget(emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(() -> {
            forget.run();
            emitter.complete();
        });
        emitter.onError(e -> forget.run());
        open.add(emitter);
        // before the revision it starts with is read: a change after that read reaches it by the watch
        watchWhileOpen();
        long revision = snapshots.current().revision();
        try {
            emitter.send(SseEmitter.event()
                    .reconnectTime(RETRY_MILLIS)
                    .id(Long.toString(revision))
                    .data(revision));
        } catch (IOException | IllegalStateException e) {
            forget.run();
        }
        return emitter;
    }

    private void forget(SseEmitter emitter) {
        if (open.remove(emitter)) {
            count.decrementAndGet();
            watchWhileOpen();
        }
    }

    /**
     * Starts watching with the first open stream and stops after the last has gone. On a start the
     * revision to compare with is the current one, read before the new stream reads the revision it
     * is told first, so no later revision is missed (at worst it is told one it was already told).
     */
    private synchronized void watchWhileOpen() {
        boolean wanted = !open.isEmpty();
        if (wanted == (watching != null)) {
            return;
        }
        if (!wanted) {
            watching.cancel(false);
            beating.cancel(false);
            watching = null;
            beating = null;
            return;
        }
        try {
            sentRevision = snapshots.current().revision();
            long watch = settings.watch().toMillis();
            watching = sender.scheduleWithFixedDelay(this::watch, watch, watch, TimeUnit.MILLISECONDS);
            long beat = settings.heartbeat().toMillis();
            beating = sender.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the application is stopping; close() ends the stream
        }
    }

    /** Whether the revision is being watched now: only while streams are open. */
    synchronized boolean watching() {
        return watching != null && !watching.isDone();
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return count.get();
    }

    private void watch() {
        try {
            long revision = snapshots.current().revision();
            if (revision > sentRevision) {
                if (sentRevision >= 0) {
                    send(SseEmitter.event().id(Long.toString(revision)).data(revision));
                }
                sentRevision = revision;
            }
        } catch (RuntimeException e) {
            log.debug("Live stream watch failed", e);
        }
    }

    private void heartbeat() {
        send(SseEmitter.event().comment(""));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        var data = event.build();
        for (SseEmitter emitter : open) {
            try {
                emitter.send(data);
            } catch (IOException | IllegalStateException e) {
                // the reader is gone; completing lets the container free the connection
                forget(emitter);
                emitter.completeWithError(e);
            }
        }
    }

    /**
     * Ends every stream as the application starts to stop, before the graceful shutdown waits for
     * open requests: the readers reconnect, to another instance or to this one once it is back.
     */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void close() {
        sender.shutdownNow();
        for (SseEmitter emitter : open) {
            emitter.complete();
        }
        open.clear();
    }
}

package com.paystatus.status;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What open pages listen to: {@code /api/live}, a stream of the status revision (see {@link
 * LiveStream}), and {@code /api/revision}, the same number as a few bytes of JSON that the page cache
 * keeps with the snapshot and answers with a 304 while it has not moved, for pages that cannot hold
 * the stream. Both are the same for everyone.
 */
@RestController
class LiveController {

    private final LiveStream stream;
    private final StatusSnapshots snapshots;

    LiveController(LiveStream stream, StatusSnapshots snapshots) {
        this.stream = stream;
        this.snapshots = snapshots;
    }

    @GetMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(HttpServletResponse response) {
        SseEmitter emitter = stream.open();
        if (emitter == null) {
            // enough open here: the page polls /api/revision instead
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "60")
                    .build();
        }
        // never kept by a cache or a CDN, never buffered by nginx: each event must go out as sent
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return ResponseEntity.ok(emitter);
    }

    @GetMapping(path = "/api/revision", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Long> revision() {
        return Map.of("revision", snapshots.current().revision());
    }
}

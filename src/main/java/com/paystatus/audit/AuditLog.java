package com.paystatus.audit;

import com.paystatus.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log. Features publish their domain events ({@link Auditable}) inside their transaction;
 * this listener runs in that same transaction (a plain, synchronous {@code @EventListener}), so a change and its audit row
 * commit or roll back together. It adds when, who (the signed-in user or token, unless the event names
 * someone, as sign-ins do; {@code system} for scheduled work) and from which address (the client's,
 * once {@code server.forward-headers-strategy} trusts the proxy). Details are stored as JSON.
 */
@Service
public class AuditLog {

    static final int PAGE_SIZE = 50;

    /** The last page anyone may ask for: 5 million entries back, and far from any integer overflow. */
    static final int MAX_PAGE = 100_000;

    /** The length of the {@code details} column. */
    static final int MAX_DETAILS = 16_000;

    /** Each text in the details is clipped to this, so that a row fits whatever was written. */
    private static final int MAX_TEXT = 1_000;

    private final AuditEntryRepository entries;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void record(Auditable event) {
        Audited audited = event.audited();
        entries.save(new AuditEntry(
                clock.instant(),
                clip(audited.actor() != null ? audited.actor() : currentActor(), 100),
                clip(currentAddress(), 64),
                clip(audited.action(), 60),
                clip(audited.target(), 200),
                json(audited.details())));
    }

    private String json(AuditDetails details) {
        String text = json.writeValueAsString(details.map(t -> clip(t, MAX_TEXT)));
        if (text.length() > MAX_DETAILS) {
            text = json.writeValueAsString(details.map(t -> clip(t, 100)));
        }
        return text;
    }

    /** Rows written before details were JSON hold plain text: shown as it is. */
    private AuditDetails details(String text) {
        if (text == null || text.isBlank()) {
            return AuditDetails.none();
        }
        try {
            return json.readValue(text, AuditDetails.class);
        } catch (JacksonException e) {
            return new AuditDetails(List.of(), Map.of("text", text));
        }
    }

    /** Filters; blank means any. {@code action} matches a prefix ({@code login} finds every sign-in event). */
    public record Filter(String actor, String action, String target, Instant from, Instant to) {}

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(Filter filter, int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "validation.page", MAX_PAGE);
        }
        List<Specification<AuditEntry>> specs = new ArrayList<>();
        if (present(filter.actor())) {
            specs.add((root, query, cb) ->
                    cb.equal(root.get("actor"), filter.actor().trim()));
        }
        if (present(filter.action())) {
            specs.add((root, query, cb) -> cb.like(root.get("action"), likePrefix(filter.action()), '\\'));
        }
        if (present(filter.target())) {
            specs.add((root, query, cb) -> cb.like(root.get("target"), "%" + likePrefix(filter.target()), '\\'));
        }
        if (filter.from() != null) {
            specs.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            specs.add((root, query, cb) -> cb.lessThan(root.get("occurredAt"), filter.to()));
        }
        Specification<AuditEntry> where = Specification.allOf(specs);
        return entries.findAll(where, PageRequest.of(page, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")))
                .map(e -> e.toRecord(this::details));
    }

    private static String likePrefix(String text) {
        return text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}

package com.paystatus.status.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.paystatus.shared.InputText;
import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.HistoryQuery;
import com.paystatus.status.PublicEndpoints;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers the public read paths from rendered bytes kept per page, language, status revision and
 * minute of the application's clock, before any other filter runs. A miss lets the request through
 * the whole application once (Spring Security's headers, the controller, the template) and keeps what
 * came out; later readers of the same key get those bytes, gzipped if they accept it, or a 304 for
 * their {@code If-None-Match}. The minute is part of the key because pages carry words relative to
 * now (「约 2 小时后」, overdue estimates, maintenance becoming active, today's uptime bar).
 *
 * <p>Only known pages are kept (see {@link #pageOf}, and {@link PublicEndpoints}, which lists them):
 * the board, the widget, the Statuspage API, the feeds and badges, and the pages of channels and
 * notices in the current snapshot, each at most once per language. The cache alone sets {@code
 * Cache-Control} and {@code Vary} on what it keeps. Pages read from the database (each page and filter of {@code /history}, notices older
 * than the snapshot, a channel's availability for some number of days) are kept too, as variants of
 * which at most {@code paystatus.cache.max-variants} are kept (Caffeine's W-TinyLFU: once full, a new
 * variant is kept when it is asked for more often than the one it would push out, so a flood of
 * one-off queries cannot push out the pages people read). Query
 * parameters a page does not read, cookies and headers such as {@code Cache-Control: no-cache} neither
 * bypass the cache nor add to it. Answers that set a cookie or are not a plain 200 are passed on and
 * not kept.
 *
 * <p>Readers never wait for a re-render: when a page is out of date, one request renders it while
 * every other reader gets the previous bytes; only a page's very first render is waited for. When a
 * render fails (an exception, or a 5xx), readers keep getting the last good bytes of that page, with
 * its ETag, and the failure is logged once until the page renders again; a page that never rendered
 * is a plain 503 with {@code Retry-After}. Requests the cache cannot answer from kept bytes count
 * against their network's {@code paystatus.cache.uncached-per-second} (see {@link NetworkLimits});
 * over it they get a 429, or the previous bytes of the page when there are some.
 */
public class PublicPageCache extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublicPageCache.class);

    /** Short enough that a change is seen at once, long enough for a CDN to absorb a surge. */
    public static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofSeconds(1))
            .cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(10))
            .staleIfError(Duration.ofDays(1));

    private static final String CACHE_CONTROL_VALUE = CACHE_CONTROL.getHeaderValue();

    private static final Set<String> FIXED_PAGES = PublicEndpoints.fixedPages();

    /** Where the public reads are; what the cache does not keep there counts against the network's cap. */
    private static final List<String> PUBLIC_PREFIXES = PublicEndpoints.prefixes();

    private final StatusSnapshots snapshots;
    private final LocaleResolver locales;
    private final PageLinks links;
    private final boolean baseConfigured;
    private final Clock clock;
    private final NetworkLimits limits;
    private final PublicErrors errors;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final Cache<Key, Slot> variants;
    /** Variants being rendered for the first time (or failing so far): in the cache once they have a page. */
    private final Map<Key, Slot> pending = new ConcurrentHashMap<>();

    private final int maxVariants;
    private final AtomicLong renders = new AtomicLong();
    private final PageFiles files = new PageFiles();

    @Override
    public void destroy() {
        files.deleteAll();
    }

    private volatile long sweptAtRevision = -1;

    PublicPageCache(
            StatusSnapshots snapshots,
            LocaleResolver locales,
            PageLinks links,
            PayStatusProperties properties,
            PublicCacheProperties cacheProperties,
            MessageSource messages,
            Clock clock) {
        this.snapshots = snapshots;
        this.locales = locales;
        this.links = links;
        this.baseConfigured =
                properties.baseUrl() != null && !properties.baseUrl().isBlank();
        this.clock = clock;
        this.limits = new NetworkLimits(cacheProperties.uncachedPerSecond(), Ticker.systemTicker());
        this.errors = new PublicErrors(messages);
        this.maxVariants = cacheProperties.maxVariants();
        this.variants = Caffeine.newBuilder()
                .maximumSize(cacheProperties.maxVariants())
                .<Key, Slot>removalListener((key, slot, cause) -> {
                    if (slot != null) {
                        files.retire(slot.page);
                    }
                })
                .build();
    }

    /**
     * A page, the language it is in, whether CORS headers were asked for, and the base of its links.
     *
     * @param page the path, and for a variant the query it is rendered with
     * @param parameters the query parameters the page is rendered with, besides {@code lang}
     * @param stale whether the page says the database could not refresh it (see {@code
     *     StatusSnapshots#freshness})
     */
    record Key(
            String page, Map<String, String> parameters, String language, boolean cors, String base, boolean stale) {}

    /** What a request asks the cache for: a path, the parameters it is read with, and whether it is a variant. */
    record Target(String path, Map<String, String> parameters, boolean variant) {

        String page() {
            if (parameters.isEmpty()) {
                return path;
            }
            return path + "?"
                    + parameters.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
        }
    }

    /** A render of a page at one revision and minute. */
    private record Attempt(long revision, long minute) {}

    /** Where one key's current page lives; one render of a key runs at a time. */
    private static final class Slot {
        final ReentrantLock rendering = new ReentrantLock();
        volatile CachedPage page;
        /** The render that failed last, not tried again before the revision or the minute moves. */
        volatile Attempt failed;
        /** Whether the failure has been logged; cleared by the next good render. */
        volatile boolean failing;

        boolean failedAt(long revision, long minute) {
            Attempt attempt = failed;
            return attempt != null && attempt.revision() == revision && attempt.minute() == minute;
        }

        /** What a reader may be given without a render: the current page, or the last good one after a failure. */
        CachedPage servable(long revision, long minute) {
            CachedPage cached = page;
            if (cached != null && (cached.isCurrent(revision, minute) || failedAt(revision, minute))) {
                return cached;
            }
            return null;
        }
    }

    /** How many times a page was rendered to be kept: for tests and the benchmark. */
    public long renders() {
        return renders.get();
    }

    /** Forgets every kept variant: for tests that must not depend on which variants others left. */
    void clearVariants() {
        variants.invalidateAll();
        pending.clear();
    }

    /** How many pages are kept. */
    public int size() {
        variants.cleanUp();
        return slots.size() + (int) variants.estimatedSize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        StatusSnapshot snapshot = snapshots.current();
        Target target = targetOf(path, request, snapshot);
        if (target == null) {
            if (isPublic(path) && !limits.tryAcquire(request.getRemoteAddr())) {
                errors.tooManyRequests(path, locales.resolveLocale(request), response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String language = locales.resolveLocale(request).getLanguage();
        Key key = new Key(
                target.page(),
                target.parameters(),
                language,
                request.getHeader(HttpHeaders.ORIGIN) != null,
                base(request),
                !snapshots.followsDatabase());
        long revision = snapshot.revision();
        long minute = Math.floorDiv(clock.millis(), 60_000L);

        Slot slot = target.variant() ? variants.getIfPresent(key) : slots.computeIfAbsent(key, k -> new Slot());
        if (slot == null) {
            // not in the bounded cache before it has a page: a 404 must not push out a kept page
            slot = pending.computeIfAbsent(key, k -> new Slot());
        }
        CachedPage cached = slot.servable(revision, minute);
        if (cached == null) {
            if (slot.page != null) {
                // Out of date: one reader renders it, the others get the previous bytes meanwhile.
                if (!slot.rendering.tryLock()) {
                    serve(slot.page, path, request, response);
                    return;
                }
            } else {
                // Only a page's very first render is waited for.
                slot.rendering.lock();
            }
            try {
                cached = refresh(slot, key, target, snapshot, revision, minute, request, response, chain);
            } finally {
                slot.rendering.unlock();
            }
            if (cached == null) {
                return;
            }
        }
        serve(cached, path, request, response);
    }

    /** Sends kept bytes; the open pages' check of the revision closes its connection after the answer. */
    private static void serve(CachedPage page, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (path.equals(PublicEndpoints.POLLED)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        page.serve(request, response);
    }

    /**
     * Renders the slot's page unless another reader did meanwhile; returns what to serve, or null when
     * the answer has been written already (passed through, a 503 or a 429).
     */
    private CachedPage refresh(
            Slot slot,
            Key key,
            Target target,
            StatusSnapshot snapshot,
            long revision,
            long minute,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        CachedPage cached = slot.servable(revision, minute);
        if (cached != null) {
            return cached;
        }
        CachedPage previous = slot.page;
        Locale locale = Locale.forLanguageTag(key.language());
        if (previous == null && slot.failedAt(revision, minute)) {
            errors.unavailable(target.path(), locale, response);
            return null;
        }
        if (!limits.tryAcquire(request.getRemoteAddr())) {
            if (previous != null) {
                return previous;
            }
            forgetIfEmpty(target, key, slot);
            errors.tooManyRequests(target.path(), locale, response);
            return null;
        }
        RenderedResponse rendered = new RenderedResponse(response);
        Exception failure = null;
        try {
            render(key, request, rendered, chain);
        } catch (ServletException | IOException | RuntimeException e) {
            failure = e;
        }
        if (failure != null || rendered.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            slot.failed = new Attempt(revision, minute);
            logFailure(slot, key, previous, failure, rendered.getStatus());
            if (rendered.sentThrough() || response.isCommitted()) {
                return null; // answered already (a 4xx or a redirect before the failure)
            }
            response.reset(); // nothing of the failed render reaches the reader
            if (previous != null) {
                return previous;
            }
            if (target.variant() && pending.size() > maxVariants) {
                pending.remove(key, slot);
            }
            errors.unavailable(target.path(), locale, response);
            return null;
        }
        if (rendered.sentThrough()) {
            // a 4xx or a redirect, already on its way to the client as it was
            forgetIfEmpty(target, key, slot);
            return null;
        }
        HttpSession session = request.getSession(false);
        boolean newSession = session != null && session.isNew();
        if (!rendered.storable() || newSession) {
            rendered.copyBodyToResponse();
            forgetIfEmpty(target, key, slot);
            return null;
        }
        CachedPage page = files.keep(CachedPage.of(rendered, revision, minute, CACHE_CONTROL_VALUE));
        response.reset(); // the kept page brings its own headers
        files.retire(previous);
        slot.page = page;
        slot.failed = null;
        if (slot.failing) {
            slot.failing = false;
            log.info("The public page {} ({}) renders again", key.page(), key.language());
        }
        renders.incrementAndGet();
        if (target.variant()) {
            variants.put(key, slot);
            pending.remove(key, slot);
        } else {
            sweep(snapshot);
        }
        return page;
    }

    /** Once per failing page, until it renders again: a stack trace per reader would drown the log. */
    private void logFailure(Slot slot, Key key, CachedPage previous, Exception failure, int status) {
        String outcome = previous != null
                ? "serving its last good answer, of revision " + previous.revision()
                : "answering 503 until it renders";
        if (slot.failing) {
            log.debug("The public page {} ({}) still fails to render (status {})", key.page(), key.language(), status);
            return;
        }
        slot.failing = true;
        if (failure != null) {
            log.error("Could not render the public page {} ({}); {}", key.page(), key.language(), outcome, failure);
        } else {
            log.error(
                    "Could not render the public page {} ({}): status {}; {}",
                    key.page(),
                    key.language(),
                    status,
                    outcome);
        }
    }

    /** A key whose answer was not kept takes no room (unknown notices, 404s). */
    private void forgetIfEmpty(Target target, Key key, Slot slot) {
        if (slot.page == null && slot.failed == null) {
            (target.variant() ? pending : slots).remove(key, slot);
        }
    }

    /** Renders the page through the application as a GET for exactly the key's parameters. */
    private void render(Key key, HttpServletRequest request, RenderedResponse rendered, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest canonical = new CanonicalRequest(request, key.language(), key.parameters());
        if (!baseConfigured) {
            canonical.setAttribute(PageLinks.BASE_ATTRIBUTE, key.base());
        }
        chain.doFilter(canonical, rendered);
    }

    /** Whether the path is one of the public read paths, kept or not. */
    static boolean isPublic(String path) {
        if (path.equals("/")) {
            return true;
        }
        for (String prefix : PUBLIC_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the cache keeps for a request, or null: the pages of the snapshot (see {@link #pageOf}),
     * and as variants the pages read from the database, under the parameters they read.
     */
    static Target targetOf(String path, HttpServletRequest request, StatusSnapshot snapshot) {
        String page = pageOf(path, snapshot);
        if (page != null) {
            return new Target(page, Map.of(), false);
        }
        if (path.equals("/history")) {
            String channel = orEmpty(request.getParameter("channel"));
            String kind = orEmpty(request.getParameter("kind"));
            String number = orEmpty(request.getParameter("page"));
            if (!InputText.acceptable(channel) || !InputText.acceptable(kind) || !InputText.acceptable(number)) {
                return null; // refused with a 400 further on, not read as "no filter"
            }
            kind = kind.trim();
            if (!HistoryQuery.isKnownChannel(channel, snapshot) || !HistoryQuery.isKnownKind(kind)) {
                // explained by the page without a query, and not kept: the value is in the answer
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("channel", channel);
            parameters.put("kind", kind);
            parameters.put("page", Integer.toString(HistoryQuery.pageNumber(request.getParameter("page"))));
            return new Target(path, Collections.unmodifiableMap(parameters), true);
        }
        if (path.startsWith("/notices/") && noticeId(path.substring("/notices/".length())) != null) {
            return new Target(path, Map.of(), true);
        }
        if (path.startsWith("/api/channels/") && path.endsWith("/availability")) {
            String slug = path.substring("/api/channels/".length(), path.length() - "/availability".length());
            String days = request.getParameter("days");
            if (days != null && !InputText.acceptable(days)) {
                return null;
            }
            String count = days == null ? Integer.toString(StatusSnapshot.UPTIME_DAYS) : days.trim();
            if (!snapshot.channels().containsKey(slug) || !isDays(count)) {
                return null;
            }
            return new Target(path, Map.of("days", Integer.toString(Integer.parseInt(count))), true);
        }
        return null;
    }

    private static boolean isDays(String days) {
        if (days.isEmpty() || days.length() > 3 || !days.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int count = Integer.parseInt(days);
        return count >= 1 && count <= StatusSnapshot.UPTIME_DAYS;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The id of {@code /notices/{id}} when it is one as the page reads it, else null. */
    private static Long noticeId(String id) {
        if (id.isEmpty()
                || id.length() > 18
                || id.charAt(0) == '0'
                || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(id);
    }

    /** The page a request path names if the cache keeps it with the snapshot, else null. */
    static String pageOf(String path, StatusSnapshot snapshot) {
        if (FIXED_PAGES.contains(path)) {
            return path;
        }
        PublicEndpoints.Match match = PublicEndpoints.matchPerPage(path);
        if (match == null) {
            return null;
        }
        boolean known = match.endpoint().isPerNotice()
                ? snapshot.notices().containsKey(Long.parseLong(match.value()))
                : snapshot.channels().containsKey(match.value());
        return known ? path : null;
    }

    /**
     * The base of the absolute links in the page: the configured base URL, an allowed host or the
     * localhost default (see {@link PageLinks#base}), so that a made-up Host header can neither grow
     * the cache nor put its name in a page that others are served.
     */
    private String base(HttpServletRequest request) {
        return baseConfigured ? "" : links.base(request);
    }

    /** Drops pages that no longer exist (a notice that left the snapshot), once per revision. */
    private void sweep(StatusSnapshot snapshot) {
        if (sweptAtRevision == snapshot.revision()) {
            return;
        }
        sweptAtRevision = snapshot.revision();
        slots.entrySet().removeIf(entry -> {
            if (pageOf(entry.getKey().page(), snapshot) != null) {
                return false;
            }
            files.retire(entry.getValue().page);
            return true;
        });
    }

    /** The request as rendered for the cache: a GET with {@code lang} and the key's parameters only. */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final String query;

        CanonicalRequest(HttpServletRequest request, String language, Map<String, String> read) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>();
            all.put("lang", new String[] {language});
            read.forEach((name, value) -> all.put(name, new String[] {value}));
            this.parameters = Collections.unmodifiableMap(all);
            this.query = all.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue()[0], StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}

package com.paystatus.status.cache;

import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
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
 * <p>Only known pages are kept (see {@link #pageOf}): the board, the widget, the Statuspage API, the
 * feeds and badges, and the pages of channels and notices in the current snapshot, each at most once
 * per language. Query parameters other than {@code lang}, cookies and headers such as {@code
 * Cache-Control: no-cache} neither bypass the cache nor add to it. Answers that set a cookie or are
 * not a plain 200 are passed on and not kept.
 */
public class PublicPageCache extends OncePerRequestFilter implements DisposableBean {

    /** Short enough that a change is seen at once, long enough for a CDN to absorb a surge. */
    public static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofSeconds(1))
            .cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(10))
            .staleIfError(Duration.ofDays(1));

    private static final String CACHE_CONTROL_VALUE = CACHE_CONTROL.getHeaderValue();

    private static final Set<String> FIXED_PAGES = Set.of(
            "/",
            "/widget",
            "/badge.svg",
            "/history.atom",
            "/history.rss",
            "/api/v2/summary.json",
            "/api/v2/status.json",
            "/api/v2/components.json",
            "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json",
            "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json",
            "/api/v2/scheduled-maintenances/active.json");

    private final StatusSnapshots snapshots;
    private final LocaleResolver locales;
    private final PageLinks links;
    private final boolean baseConfigured;
    private final Clock clock;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
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
            Clock clock) {
        this.snapshots = snapshots;
        this.locales = locales;
        this.links = links;
        this.baseConfigured =
                properties.baseUrl() != null && !properties.baseUrl().isBlank();
        this.clock = clock;
    }

    /** A page, the language it is in, whether CORS headers were asked for, and the base of its links. */
    /** @param stale whether the page says the database could not refresh it (see {@code StatusSnapshots#freshness}) */
    record Key(String page, String language, boolean cors, String base, boolean stale) {}

    /** Where one key's current page lives; renders of one key take turns on it. */
    private static final class Slot {
        volatile CachedPage page;
    }

    /** How many times a page was rendered to be kept: for tests and the benchmark. */
    public long renders() {
        return renders.get();
    }

    /** How many pages are kept. */
    public int size() {
        return slots.size();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        StatusSnapshot snapshot = snapshots.current();
        String page = pageOf(
                request.getRequestURI().substring(request.getContextPath().length()), snapshot);
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        String language = locales.resolveLocale(request).getLanguage();
        Key key = new Key(
                page,
                language,
                request.getHeader(HttpHeaders.ORIGIN) != null,
                base(request),
                !snapshots.freshness().current());
        long revision = snapshot.revision();
        long minute = Math.floorDiv(clock.millis(), 60_000L);

        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        CachedPage cached = slot.page;
        if (cached == null || !cached.isCurrent(revision, minute)) {
            synchronized (slot) {
                cached = slot.page;
                if (cached == null || !cached.isCurrent(revision, minute)) {
                    CapturedResponse captured = render(key, request, response, chain);
                    if (captured == null) {
                        return;
                    }
                    cached = files.keep(CachedPage.of(captured, revision, minute));
                    files.retire(slot.page);
                    slot.page = cached;
                    renders.incrementAndGet();
                    sweep(snapshot);
                }
            }
        }
        cached.serve(request, response, CACHE_CONTROL_VALUE);
    }

    /**
     * Renders the page through the application as a GET for exactly {@code ?lang=} of the key; returns
     * null when the answer went to the client as it was and must not be kept.
     */
    private CapturedResponse render(
            Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CapturedResponse captured = new CapturedResponse(response);
        HttpServletRequest canonical = new CanonicalRequest(request, key.language());
        if (!baseConfigured) {
            canonical.setAttribute(PageLinks.BASE_ATTRIBUTE, key.base());
        }
        chain.doFilter(canonical, captured);
        if (captured.sentThrough()) {
            return null;
        }
        HttpSession session = request.getSession(false);
        boolean newSession = session != null && session.isNew();
        if (!captured.storable() || newSession || response.containsHeader(HttpHeaders.SET_COOKIE)) {
            captured.replay();
            return null;
        }
        return captured;
    }

    /** The page a request path names if the cache keeps it, else null: only pages that exist. */
    static String pageOf(String path, StatusSnapshot snapshot) {
        if (FIXED_PAGES.contains(path)) {
            return path;
        }
        if (path.startsWith("/channels/")) {
            String slug = path.substring("/channels/".length());
            if (slug.endsWith(".atom")) {
                slug = slug.substring(0, slug.length() - ".atom".length());
            }
            return snapshot.channels().containsKey(slug) ? path : null;
        }
        if (path.startsWith("/badge/") && path.endsWith(".svg")) {
            String slug = path.substring("/badge/".length(), path.length() - ".svg".length());
            return snapshot.channels().containsKey(slug) ? path : null;
        }
        if (path.startsWith("/notices/")) {
            String id = path.substring("/notices/".length());
            if (id.isEmpty()
                    || id.length() > 18
                    || id.charAt(0) == '0'
                    || !id.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return snapshot.notices().containsKey(Long.parseLong(id)) ? path : null;
        }
        return null;
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
        slots.keySet().removeIf(key -> pageOf(key.page(), snapshot) == null);
    }

    /** The request as rendered for the cache: a GET whose only parameter is {@code lang}. */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        CanonicalRequest(HttpServletRequest request, String language) {
            super(request);
            this.parameters = Map.of("lang", new String[] {language});
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return "lang=" + parameters.get("lang")[0];
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

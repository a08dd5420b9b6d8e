package com.paystatus.status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of public read endpoints. The page cache keeps and throttles what it names, the
 * security rules open the machine-readable ones to every origin without a session, and the tests
 * walk it; a new public URL is added here and nowhere else.
 */
public final class PublicEndpoints {

    /** Which security chain answers: the pages (login form, CSRF) or the sessionless machine door. */
    public enum Door {
        PAGE,
        MACHINE
    }

    /**
     * How the page cache keeps the answer: with the snapshot, as a bounded variant read from the
     * database, or not at all (QR codes never change for a URL, and their controller says so).
     */
    public enum Kept {
        WITH_SNAPSHOT,
        AS_VARIANT,
        NOT_KEPT
    }

    /**
     * One endpoint. {@code {slug}} stands for a channel's slug, {@code {id}} for a notice's id.
     *
     * @param path the path as the controller maps it
     */
    public record Endpoint(String path, Door door, Kept kept) {

        /** Whether the path names one page, without a channel or notice in it. */
        public boolean isFixed() {
            return !path.contains("{");
        }

        /** Whether the path names a channel. */
        public boolean isPerChannel() {
            return path.contains("{slug}");
        }

        /** Whether the path names a notice. */
        public boolean isPerNotice() {
            return path.contains("{id}");
        }

        /** The path for one channel or notice: the value replaces the placeholder. */
        public String with(String value) {
            return path.replace("{slug}", value).replace("{id}", value);
        }

        /** As a Spring Security path pattern: each placeholder is one path segment, {@code *}. */
        String antPattern() {
            return path.replace("{slug}", "*").replace("{id}", "*");
        }

        /** The literal start of the path, up to its placeholder. */
        String prefix() {
            int brace = path.indexOf('{');
            return brace < 0 ? path : path.substring(0, brace);
        }

        Pattern pattern() {
            return Pattern.compile(Pattern.quote(path)
                    .replace("{slug}", "\\E([a-z0-9-]+)\\Q")
                    .replace("{id}", "\\E([1-9][0-9]{0,17})\\Q"));
        }
    }

    /**
     * What every open public page asks every few seconds ({@code js/live.js}). Answered with {@code
     * Connection: close}: the next check comes seconds later, after keep-alive would have closed the
     * connection anyway, and a connection held meanwhile would take one of the server's {@code
     * max-connections} from a reader who is arriving (10,000 open pages kept all 2,000 taken).
     */
    public static final String POLLED = "/api/revision";

    /** Every public read, in the order a reader meets them: pages, the Statuspage API, feeds and calendars, badges, the widget. */
    public static final List<Endpoint> ALL = List.of(
            page("/"),
            page("/channels/{slug}"),
            // what is known, after a user report (the same page for everyone)
            page("/channels/{slug}/reported"),
            // a notice that has left the snapshot is read from the database and kept as a variant
            new Endpoint("/notices/{id}", Door.PAGE, Kept.WITH_SNAPSHOT),
            new Endpoint("/channels/{slug}/qr.png", Door.PAGE, Kept.NOT_KEPT),
            new Endpoint("/notices/{id}/qr.png", Door.PAGE, Kept.NOT_KEPT),
            new Endpoint("/history", Door.PAGE, Kept.AS_VARIANT),
            new Endpoint("/api/channels/{slug}/availability", Door.PAGE, Kept.AS_VARIANT),
            machine("/api/v2/summary.json"),
            machine("/api/v2/status.json"),
            machine("/api/v2/components.json"),
            machine("/api/v2/incidents.json"),
            machine("/api/v2/incidents/unresolved.json"),
            machine("/api/v2/scheduled-maintenances.json"),
            machine("/api/v2/scheduled-maintenances/upcoming.json"),
            machine("/api/v2/scheduled-maintenances/active.json"),
            machine("/history.atom"),
            machine("/history.rss"),
            machine("/channels/{slug}.atom"),
            machine("/maintenance.ics"),
            machine("/channels/{slug}/maintenance.ics"),
            machine("/badge.svg"),
            machine("/badge/{slug}.svg"),
            machine("/widget"),
            // open pages: the revision as a stream (never kept), and as a few bytes for those that poll
            new Endpoint("/api/live", Door.MACHINE, Kept.NOT_KEPT),
            machine(PublicEndpoints.POLLED));

    /**
     * Everything under the Statuspage API's root answers as the API does (problem+json, open to every
     * origin), known endpoint or not.
     */
    public static final String API_ROOT = "/api/v2/";

    /**
     * The public writes, posted by the pages' forms and by scripts without a session or CSRF token
     * (the public pages are cached bytes shared by everyone, so they carry none): user reports,
     * bounded by the report module's per-browser and per-network limits, and subscriptions, bounded
     * by the double opt-in and a per-network limit. The unsubscribe link also takes RFC 8058's
     * one-click POST from mail clients, which have no token either.
     */
    public static final String[] PUBLIC_POSTS = {
        "/channels/*/reports",
        "/api/channels/*/reports",
        "/api/subscriptions",
        "/subscriptions",
        "/subscriptions/*/unsubscribe"
    };

    private static final List<Matching> PER_PAGE = ALL.stream()
            .filter(e -> !e.isFixed() && e.kept() == Kept.WITH_SNAPSHOT)
            .map(e -> new Matching(e, e.pattern()))
            .toList();

    private PublicEndpoints() {}

    /** The fixed pages the cache keeps with the snapshot. */
    public static Set<String> fixedPages() {
        Set<String> paths = new LinkedHashSet<>();
        ALL.stream().filter(e -> e.isFixed() && e.kept() == Kept.WITH_SNAPSHOT).forEach(e -> paths.add(e.path()));
        return Set.copyOf(paths);
    }

    /** Path starts under which the public reads are, kept or not (every path starts with {@code /}: see {@link #isPublic}). */
    public static List<String> prefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        prefixes.add(API_ROOT);
        ALL.stream()
                .map(Endpoint::prefix)
                .filter(p -> !p.equals("/") && !p.startsWith(API_ROOT))
                .forEach(prefixes::add);
        return List.copyOf(prefixes);
    }

    /** The security patterns of the machine-readable door. */
    public static String[] machinePatterns() {
        List<String> patterns = new ArrayList<>();
        patterns.add(API_ROOT + "**");
        ALL.stream()
                .filter(e -> e.door() == Door.MACHINE && !e.path().startsWith(API_ROOT))
                .map(Endpoint::antPattern)
                .forEach(patterns::add);
        return patterns.toArray(String[]::new);
    }

    /**
     * The endpoint kept with the snapshot that a path names with a placeholder, and the slug or id in
     * it; null when none does.
     */
    public static Match matchPerPage(String path) {
        for (Matching m : PER_PAGE) {
            if (!path.startsWith(m.endpoint().prefix())) {
                continue;
            }
            Matcher matcher = m.pattern().matcher(path);
            if (matcher.matches()) {
                return new Match(m.endpoint(), matcher.group(1));
            }
        }
        return null;
    }

    /** A path that one endpoint names, and the slug or id in it. */
    public record Match(Endpoint endpoint, String value) {}

    private record Matching(Endpoint endpoint, Pattern pattern) {}

    private static Endpoint page(String path) {
        return new Endpoint(path, Door.PAGE, Kept.WITH_SNAPSHOT);
    }

    private static Endpoint machine(String path) {
        return new Endpoint(path, Door.MACHINE, Kept.WITH_SNAPSHOT);
    }
}

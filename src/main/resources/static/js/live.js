// Live updates: the page asks /api/revision (a few bytes, kept by the page cache, a 304 while nothing
// moved) every couple of seconds, with jitter so that open pages do not ask in step, and fetches itself
// only when the revision moved past the one it was rendered at (data-revision). Its <main> is then
// replaced without a reload, and the note under the page, a polite live region, says what changed and
// when. Polling, not the /api/live stream: a held stream costs the server about 118 KB of heap per open
// page (10,000 pages would need 1.2 GB), a check costs only a moment of CPU and no memory between checks.
// Without JavaScript the page says, in a <noscript> line, that it does not update itself.
(function () {
    var note = document.querySelector("p.live[data-revision]");
    var main = document.getElementById("main");
    if (!note || !main || !window.fetch || !window.DOMParser) {
        return;
    }
    var pollSeconds = Math.max(1, parseInt(note.getAttribute("data-poll-seconds"), 10) || 2);
    var revision = parseInt(note.getAttribute("data-revision"), 10) || 0;
    var lang = document.documentElement.lang || "zh-CN";
    var clock;
    try {
        clock = new Intl.DateTimeFormat(lang, {
            hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
            timeZone: note.getAttribute("data-zone") || undefined
        });
    } catch (e) {
        clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
    }
    var lastConfirmed = null;
    var wanted = 0;       // the newest revision heard of
    var fetching = false;
    var pollTimer = null;
    var etag = null;
    var failTimer = null;
    var cueTimer = null;

    function say(template, when, what) {
        var text = note.getAttribute(template).replace("{0}", clock.format(when));
        note.textContent = what === undefined ? text : text.replace("{1}", what);
        note.hidden = false;
    }

    function confirmed() {
        var first = lastConfirmed === null;
        lastConfirmed = new Date();
        clearTimeout(failTimer);
        failTimer = null;
        // said once, and again after a failure; not on every event, so that screen readers hear changes only
        if (first || note.getAttribute("data-state") === "failed") {
            note.setAttribute("data-state", "checked");
            say("data-checked", lastConfirmed);
        }
    }

    function failedSoon() {
        if (failTimer === null) {
            failTimer = setTimeout(function () {
                failTimer = null;
                if (lastConfirmed) {
                    note.setAttribute("data-state", "failed");
                    say("data-failed", lastConfirmed);
                }
            }, 5000);
        }
    }

    function heard(r) {
        confirmed();
        if (r > revision && r > wanted) {
            wanted = r;
            refresh(0); // the checks' jitter already spreads the open pages' fetches

        }
    }

    function pageUrl(r) {
        var url = new URL(location.href);
        url.hash = "";
        url.searchParams.set("r", r); // a new address per revision: no proxy answers with an older copy
        return url.toString();
    }

    function replace(fresh) {
        var freshMain = fresh.getElementById("main");
        if (!freshMain || freshMain.textContent === main.textContent) {
            return false;
        }
        main.innerHTML = freshMain.innerHTML;
        if (fresh.title) {
            document.title = fresh.title;
        }
        main.dispatchEvent(new CustomEvent("paystatus:updated", { bubbles: true }));
        return true;
    }

    // Fetches the page until it is at least at the revision heard of (a cache may still hand out the
    // previous one for a moment while the new one renders).
    function refresh(attempt) {
        if (fetching && attempt === 0) {
            return;
        }
        fetching = true;
        var target = wanted;
        fetch(pageUrl(target), { cache: "no-store", credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html");
                var freshNote = fresh.querySelector("p.live[data-revision]");
                var freshRevision = freshNote ? parseInt(freshNote.getAttribute("data-revision"), 10) || 0 : 0;
                if (freshRevision < target && attempt < 20) {
                    setTimeout(function () { refresh(attempt + 1); }, 250 + Math.random() * 250);
                    return;
                }
                fetching = false;
                revision = Math.max(revision, freshRevision);
                if (replace(fresh)) {
                    var heading = main.querySelector("h1");
                    note.setAttribute("data-state", "changed");
                    say("data-changed", new Date(), heading ? heading.textContent.trim() : "");
                    note.classList.add("just-changed");
                    clearTimeout(cueTimer);
                    cueTimer = setTimeout(function () { note.classList.remove("just-changed"); }, 10000);
                }
                if (wanted > revision) {
                    refresh(0);
                }
            })
            .catch(function () {
                if (attempt < 20) {
                    setTimeout(function () { refresh(attempt + 1); }, 1000 + Math.random() * 1000);
                } else {
                    fetching = false;
                }
            });
    }

    function poll() {
        clearTimeout(pollTimer);
        pollTimer = setTimeout(function () {
            if (document.hidden) {
                poll();
                return;
            }
            var headers = etag ? { "If-None-Match": etag } : {};
            fetch("/api/revision", { headers: headers, cache: "no-store" })
                .then(function (response) {
                    if (response.status === 304) {
                        return null;
                    }
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    etag = response.headers.get("ETag");
                    return response.json();
                })
                .then(function (body) {
                    confirmed();
                    if (body && typeof body.revision === "number") {
                        heard(body.revision);
                    }
                })
                .catch(failedSoon)
                .then(poll);
        }, pollSeconds * 1000 * (0.75 + Math.random() * 0.5));
    }

    poll();
})();

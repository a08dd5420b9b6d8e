// Live updates: the page listens to /api/live, a Server-Sent Events stream that says the status
// revision when it opens and whenever it moves, and fetches itself only when the revision moved past
// the one it was rendered at (data-revision). Its <main> is then replaced without a reload, and the
// note under the page, a polite live region, says what changed and when. EventSource reconnects by
// itself when the connection drops or the server restarts, and the first event after reconnecting
// tells whether something was missed. Where the stream cannot be held (an answer other than the
// stream, such as 503 when the server holds enough), the page asks /api/revision every few seconds
// instead (a 304 while nothing moved) and tries the stream again later. Without JavaScript the page
// says, in a <noscript> line, that it does not update itself.
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
    var source = null;
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
            // spread over a second: every open page hears the change at once, and should not ask for
            // itself in the same millisecond as all the others (nor before the server has told them all)
            setTimeout(function () { refresh(0); }, Math.random() * 1000);
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
                .then(function () {
                    if (source === null) {
                        poll();
                    }
                });
        }, pollSeconds * 1000 * (0.75 + Math.random() * 0.5));
    }

    function listen() {
        if (!window.EventSource) {
            poll();
            return;
        }
        source = new EventSource("/api/live");
        source.onmessage = function (event) {
            heard(parseInt(event.data, 10) || 0);
        };
        source.onerror = function () {
            if (source.readyState === EventSource.CLOSED) {
                // refused (over capacity, throttled, or a proxy that answered something else): poll meanwhile
                source.close();
                source = null;
                poll();
                setTimeout(function () {
                    clearTimeout(pollTimer);
                    listen();
                }, 30000 + Math.random() * 60000);
            } else {
                failedSoon(); // EventSource is reconnecting by itself
            }
        };
    }

    listen();
})();

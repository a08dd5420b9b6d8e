// Live updates by conditional polling: the page asks for itself again with the ETag it last saw.
// Unchanged, the server (or a CDN in front of it) answers 304 with no body; changed, the new page's
// <main> replaces this one's, without a reload, when its words differ. The note under the page says when it last checked.
// Polling pauses while the page is hidden. Without JavaScript the page simply does not update itself.
(function () {
    var note = document.querySelector("p.live[data-poll-seconds]");
    var main = document.getElementById("main");
    if (!note || !main || !window.fetch || !window.DOMParser) {
        return;
    }
    var seconds = Math.max(1, parseInt(note.getAttribute("data-poll-seconds"), 10) || 15);
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
    var url = location.pathname + location.search;
    var etag = null;
    var lastSuccess = null;
    var failures = 0;
    var timer = null;

    function say(template, when) {
        note.textContent = note.getAttribute(template).replace("{0}", clock.format(when));
        note.hidden = false;
    }

    function replace(html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
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

    function schedule(delay) {
        clearTimeout(timer);
        timer = setTimeout(check, delay * 1000);
    }

    function check() {
        if (document.hidden) {
            return; // resumed by visibilitychange
        }
        var headers = {};
        if (etag) {
            headers["If-None-Match"] = etag;
        }
        fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
            .then(function (response) {
                if (response.status === 304) {
                    return null;
                }
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                etag = response.headers.get("ETag");
                return response.text();
            })
            .then(function (html) {
                var now = new Date();
                lastSuccess = now;
                failures = 0;
                say(html !== null && replace(html) ? "data-changed" : "data-checked", now);
                schedule(seconds);
            })
            .catch(function () {
                failures++;
                if (lastSuccess) {
                    say("data-failed", lastSuccess);
                }
                schedule(Math.min(seconds * Math.pow(2, failures), 300));
            });
    }

    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) {
            schedule(0);
        }
    });
    schedule(seconds);
})();

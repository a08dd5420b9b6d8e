// Lighthouse (mobile, its default) on each URL given, in a row, in one Debian Chromium started once.
// Prints one JSON array: per URL, the four category scores and the audits that cost points.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--lang=zh-CN"],
});
const results = [];
try {
    for (const url of urls) {
        const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
        const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
        const failing = Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1
                && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric" || a.scoreDisplayMode === "metricSavings"))
            .map((a) => `${a.id} (${a.score}): ${a.displayValue || a.title}`);
        const work = ((lhr.audits["mainthread-work-breakdown"] || {}).details || { items: [] }).items
            .map((i) => `${i.group} ${Math.round(i.duration)} ms`);
        const longTasks = ((lhr.audits["long-tasks"] || {}).details || { items: [] }).items
            .map((i) => `${i.url} ${Math.round(i.duration)} ms`);
        results.push({ url, scores, failing, benchmarkIndex: lhr.environment.benchmarkIndex, work, longTasks,
            runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null });
    }
} finally {
    await chrome.kill();
}
console.log(JSON.stringify(results));

// Parses feeds of a running PayStatus with the npm package "feedparser" (a strict, sax-based
// parser of RSS, Atom and RDF), independent of the ROME library that writes them, and prints what it
// read as one JSON document. Usage: node feeds.js URL...
"use strict";
const FeedParser = require("feedparser");
const {Readable} = require("stream");

function parse(url) {
    return fetch(url).then(response => {
        if (!response.ok) {
            throw new Error(url + " answered " + response.status);
        }
        return new Promise((resolve, reject) => {
            const parser = new FeedParser({feedurl: url, strict: true});
            const items = [];
            let meta;
            parser.on("error", reject);
            parser.on("meta", m => (meta = m));
            parser.on("readable", function () {
                let item;
                while ((item = this.read())) {
                    items.push({title: item.title, link: item.link, guid: item.guid, date: item.date});
                }
            });
            parser.on("end", () => resolve({type: meta["#type"], version: meta["#version"], title: meta.title,
                link: meta.link, items}));
            Readable.fromWeb(response.body).pipe(parser);
        });
    });
}

async function main() {
    const result = {};
    for (const url of process.argv.slice(2)) {
        result[url] = await parse(url);
    }
    process.stdout.write(JSON.stringify(result));
}

main().catch(error => {
    console.error(error && error.stack ? error.stack : error);
    process.exit(1);
});

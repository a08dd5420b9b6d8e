// Reads every public endpoint of a running PayStatus with the npm package "statuspage.io", a client
// written for Atlassian Statuspage's public API v2, and prints what it saw as one JSON document.
// Usage: node check.js http://localhost:8080
"use strict";
const {Statuspage} = require("statuspage.io");

async function main() {
    const base = process.argv[2];
    // The client wants a Statuspage page id and builds https://{id}.statuspage.io; point it at us.
    const statuspage = new Statuspage("paystatus");
    statuspage.setApiUrl(base);
    const api = statuspage.api;
    const seen = {
        summary: await api.getSummary(),
        status: await api.getStatus(),
        components: await api.getComponents(),
        incidents: await api.incidents.getAll(),
        unresolved: await api.incidents.getUnresolved(),
        upcoming: await api.scheduledMaintenances.getUpcoming(),
        // statuspage.io 3.3.8 sends getActive() and getAll() to upcoming.json (a bug in the client);
        // its own endpoint table has the right paths, read through the client's HTTP instance.
        active: (await statuspage.apiClient.get("/api/v2/scheduled-maintenances/active.json")).data,
        maintenances: (await statuspage.apiClient.get("/api/v2/scheduled-maintenances.json")).data,
    };
    process.stdout.write(JSON.stringify(seen));
}

main().catch(error => {
    console.error(error && error.stack ? error.stack : error);
    process.exit(1);
});

// Time citeproc-js rendering a bibliography, for benchmarks/run.py. Reads one JSON request from the file
// named by the first argument:
//   {"style": "<style xml>", "lang": "ru-RU", "locales": {"ru-RU": "<locale xml>", ...}, "items": [...]}
// and prints {"count", "cpu_s", "wall_s", "require_s", "startup_s", "first"} on stdout. The clock runs from
// the engine's creation to the last entry's text (as the Python tools are timed: the style is parsed in
// the timed part there too); loading Node.js and citeproc-js is reported apart (startup_s, require_s).
"use strict";
const startup = process.uptime();
const fs = require("fs");
const path = require("path");

const loaded = process.hrtime.bigint();
const CSL = require(path.join(__dirname, "..", "scripts", "citeproc-js", "node_modules", "citeproc"));
const requireSeconds = Number(process.hrtime.bigint() - loaded) / 1e9;

const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const items = {};
for (const item of request.items) items[item.id] = item;
const sys = {
  retrieveLocale: (lang) => request.locales[lang] || request.locales["en-US"],
  retrieveItem: (id) => items[id],
};

const cpu = process.cpuUsage();
const wall = process.hrtime.bigint();
const engine = new CSL.Engine(sys, request.style, request.lang, true);
engine.setOutputFormat("text");
engine.updateItems(request.items.map((item) => item.id));
const [meta, entries] = engine.makeBibliography();
const used = process.cpuUsage(cpu);
const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;

// VmHWM: the peak resident size of this process (ru_maxrss would carry the parent's across exec)
const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"));
process.stdout.write(JSON.stringify({
  peak_mb: hwm ? Number(hwm[1]) / 1024 : null,
  count: entries.length,
  cpu_s: (used.user + used.system) / 1e6,
  wall_s: wallSeconds,
  require_s: requireSeconds,
  startup_s: startup,
  first: entries.length ? entries[0].trim() : "",
  ids: meta.entry_ids.length,
}));

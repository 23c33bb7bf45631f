// Render CSL-JSON items with citeproc-js. Reads one JSON request on stdin:
//   {"style": "<style xml>", "lang": "ru-RU", "locales": {"ru-RU": "<locale xml>", ...}, "items": [...]}
// and writes {"order": [ids in bibliography order], "entries": {id: text}} on stdout.
"use strict";
const CSL = require("citeproc");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const items = {};
  for (const item of request.items) items[item.id] = item;
  const sys = {
    retrieveLocale: (lang) => request.locales[lang] || request.locales["en-US"],
    retrieveItem: (id) => items[id],
  };
  const engine = new CSL.Engine(sys, request.style, request.lang, true);
  engine.setOutputFormat("text");
  engine.updateItems(request.items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  const result = { order: meta.entry_ids.map((ids) => ids[0]), entries: {} };
  meta.entry_ids.forEach((ids, index) => { result.entries[ids[0]] = entries[index].trim(); });
  process.stdout.write(JSON.stringify(result));
});

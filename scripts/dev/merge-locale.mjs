// Dev helper: deep-merges a JSON fragment into app/locales/<lng>.json (keeps key order).
// Usage: node scripts/dev/merge-locale.mjs fr fragment.json
import fs from "node:fs";
const [lng, fragment] = process.argv.slice(2);
const file = `app/locales/${lng}.json`;
const merge = (a, b) => {
  for (const [k, v] of Object.entries(b)) {
    if (v && typeof v === "object" && !Array.isArray(v) && a[k] && typeof a[k] === "object") merge(a[k], v);
    else a[k] = v;
  }
  return a;
};
const out = merge(JSON.parse(fs.readFileSync(file, "utf8")), JSON.parse(fs.readFileSync(fragment, "utf8")));
fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");

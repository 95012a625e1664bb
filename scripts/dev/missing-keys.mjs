// Dev helper: lists translation keys used literally in app/ that are missing from fr.json.
import fs from "node:fs";
import path from "node:path";
const fr = JSON.parse(fs.readFileSync("app/locales/fr.json", "utf8"));
const has = (k) => {
  let o = fr;
  for (const p of k.split(".")) { if (o && typeof o === "object" && p in o) o = o[p]; else return false; }
  return true;
};
const hasPlural = (k) => has(k) || has(k + "_one") || has(k + "_other");
const files = [];
const walk = (d) => { for (const f of fs.readdirSync(d)) { const p = path.join(d, f); fs.statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(p) && files.push(p); } };
walk("app");
const missing = new Set();
for (const f of files) {
  const src = fs.readFileSync(f, "utf8");
  for (const m of src.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) if (!hasPlural(m[1])) missing.add(`${m[1]}  (${f})`);
  for (const m of src.matchAll(/"((?:errors|ideas|idea|moderation|search|notifications)\.[\w.]+)"/g)) if (!hasPlural(m[1]) && !m[1].endsWith(".")) missing.add(`${m[1]}  (${f})`);
}
console.log([...missing].sort().join("\n"));

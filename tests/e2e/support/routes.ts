/**
 * The app's URL patterns, read from the files in app/routes the way Remix's flat routes
 * read them: dots separate path segments, `$param` is a parameter, a lone `$` is the splat,
 * `_index` is the index route, `[.]` (or any `[…]`) is literal text, a trailing `_` only
 * un-nests the layout (no URL change), and a leading `_` is a pathless layout.
 */
import fs from "node:fs";
import path from "node:path";

export interface RouteFile {
  file: string;
  /** "/meetings/:id/minutes/:version", "/*" for the splat. */
  pattern: string;
  /** A resource route (no default export): a download or a redirect, not a page. */
  resource: boolean;
}

/** Splits "councils.$slug.decisions[.]atom" on the dots that are not inside brackets. */
function segmentsOf(name: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  for (const ch of name) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === "." && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function patternOf(routeName: string): string {
  const parts: string[] = [];
  for (let seg of segmentsOf(routeName)) {
    if (seg === "_index") continue;
    if (seg.startsWith("_")) continue; // pathless layout
    if (seg.endsWith("_")) seg = seg.slice(0, -1); // un-nested, same URL
    if (seg === "$") {
      parts.push("*");
      continue;
    }
    seg = seg.replace(/^\$(.+)$/, ":$1").replace(/\[([^\]]*)\]/g, "$1");
    parts.push(seg);
  }
  return "/" + parts.join("/");
}

export function routeFiles(dir = path.resolve("app/routes")): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    let name: string;
    let file: string;
    if (entry.isDirectory()) {
      // A folder route: app/routes/<name>/route.tsx
      const inner = ["route.tsx", "route.ts", "route.jsx", "route.js"].find((f) => fs.existsSync(path.join(dir, entry.name, f)));
      if (!inner) continue;
      name = entry.name;
      file = path.join(dir, entry.name, inner);
    } else {
      if (!/\.(tsx|ts|jsx|js)$/.test(entry.name) || /\.test\./.test(entry.name) || entry.name.startsWith(".")) continue;
      name = entry.name.replace(/\.(tsx|ts|jsx|js)$/, "");
      file = path.join(dir, entry.name);
    }
    const source = fs.readFileSync(file, "utf8");
    out.push({ file: path.relative(process.cwd(), file), pattern: patternOf(name), resource: !/export\s+default\b/.test(source) });
  }
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

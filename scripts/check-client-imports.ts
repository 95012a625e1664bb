/**
 * Check: code sent to the browser never imports a value from a `.server` module.
 *
 * Why: Remix's classic compiler replaces every `*.server.*` module with an empty module in
 * the browser bundle, so a schema or constant imported from one is `{}` (or `undefined`)
 * there. Pages then crash on hydration or Conform's client validation throws (`_def`).
 *
 * Rules (see docs/decisions/006-client-server-modules.md):
 *  - A route module (app/routes/*, app/root.tsx) keeps in the browser only its browser
 *    exports (default, ErrorBoundary, Layout, meta, links, handle, shouldRevalidate,
 *    clientLoader, clientAction, HydrateFallback) and what they reach. A value imported
 *    from a `.server` module may be used only by code the browser build drops (loader,
 *    action, headers, and helpers only they use).
 *  - Any other module that is not itself `.server` (components, lib, client-safe domain
 *    modules such as schemas.ts, utils/meta.ts) must not import values from `.server`
 *    modules at all. Type-only imports are always fine.
 *
 * Usage: `tsx scripts/check-client-imports.ts` (exit 1 listing each violation), or
 * `findViolations(files)` from tests.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const BROWSER_EXPORTS = new Set([
  "default",
  "ErrorBoundary",
  "Layout",
  "meta",
  "links",
  "handle",
  "shouldRevalidate",
  "clientLoader",
  "clientAction",
  "HydrateFallback",
]);

export interface Violation {
  file: string;
  line: number;
  name: string;
  from: string;
  message: string;
}

export function isServerSpecifier(spec: string): boolean {
  return /\.server(\.[cm]?[jt]sx?)?$/.test(spec) || /(^|\/)[^/]*\.server\//.test(spec);
}

function isServerFile(file: string): boolean {
  return /\.server\.[cm]?[jt]sx?$/.test(file) || /\.server\//.test(file.replace(/\\/g, "/"));
}

export function isRouteModule(file: string, root: string): boolean {
  const rel = path.relative(root, file).replace(/\\/g, "/");
  return rel.startsWith("app/routes/") || rel === "app/root.tsx";
}

/** Top-level names a statement declares. */
function declaredNames(stmt: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt)) {
    return stmt.name ? [stmt.name.text] : [];
  }
  if (ts.isVariableStatement(stmt)) {
    const out: string[] = [];
    const visit = (n: ts.BindingName) => {
      if (ts.isIdentifier(n)) out.push(n.text);
      else for (const el of n.elements) if (!ts.isOmittedExpression(el)) visit(el.name);
    };
    for (const d of stmt.declarationList.declarations) visit(d.name);
    return out;
  }
  return [];
}

function isExported(stmt: ts.Statement): boolean {
  return !!ts.canHaveModifiers(stmt) && !!ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefaultExport(stmt: ts.Statement): boolean {
  return !!ts.canHaveModifiers(stmt) && !!ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** Identifiers used as values inside a node (type positions are skipped). */
function referencedNames(node: ts.Node): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return;
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      // property names in `a.b` and `{ b: … }` are not references to a binding named b
      const isPropName =
        (p && ts.isPropertyAccessExpression(p) && p.name === n) ||
        (p && ts.isPropertyAssignment(p) && p.name === n) ||
        (p && ts.isJsxAttribute(p) && p.name === n);
      if (!isPropName) out.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

interface ServerImport {
  local: string;
  from: string;
  line: number;
}

function serverValueImports(sf: ts.SourceFile): ServerImport[] {
  const out: ServerImport[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const from = stmt.moduleSpecifier.text;
    if (!isServerSpecifier(from)) continue;
    const clause = stmt.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const line = sf.getLineAndCharacterOfPosition(stmt.getStart()).line + 1;
    if (clause.name) out.push({ local: clause.name.text, from, line });
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) out.push({ local: nb.name.text, from, line });
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) if (!el.isTypeOnly) out.push({ local: el.name.text, from, line });
    }
  }
  return out;
}

/** The names a route module's browser build keeps (browser exports and what they reach). */
function browserReachable(sf: ts.SourceFile): Set<string> {
  const decls = new Map<string, ts.Statement>();
  const roots: ts.Node[] = [];
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isInterfaceDeclaration(stmt)) continue;
    const names = declaredNames(stmt);
    for (const n of names) decls.set(n, stmt);
    if (isDefaultExport(stmt)) roots.push(stmt);
    else if (isExported(stmt) && names.some((n) => BROWSER_EXPORTS.has(n))) roots.push(stmt);
    else if (ts.isExportAssignment(stmt)) roots.push(stmt.expression);
    else if (ts.isExportDeclaration(stmt)) {
      // export { x as meta } / export { meta } from "…"
      if (stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
        for (const el of stmt.exportClause.elements) {
          if (BROWSER_EXPORTS.has(el.name.text) && !stmt.moduleSpecifier) roots.push(el.propertyName ?? el.name);
        }
      }
    } else if (ts.isExpressionStatement(stmt)) roots.push(stmt); // top-level side effects stay
  }
  const reached = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const node = queue.pop()!;
    for (const name of referencedNames(node)) {
      if (reached.has(name)) continue;
      reached.add(name);
      const d = decls.get(name);
      if (d) queue.push(d);
    }
  }
  return reached;
}

/** Files sent to the browser that use a value from a `.server` module. */
export function checkFile(file: string, root: string, text = fs.readFileSync(file, "utf8")): Violation[] {
  if (isServerFile(file)) return [];
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const imports = serverValueImports(sf);
  if (!imports.length) return [];
  const rel = path.relative(root, file).replace(/\\/g, "/");
  if (!isRouteModule(file, root)) {
    return imports.map((i) => ({
      file: rel,
      line: i.line,
      name: i.local,
      from: i.from,
      message: `${rel}:${i.line} imports the value \`${i.local}\` from "${i.from}", a .server module; this module can reach the browser, where it is {} — move it to a client-safe module (or import it as a type)`,
    }));
  }
  const reached = browserReachable(sf);
  return imports
    .filter((i) => reached.has(i.local))
    .map((i) => ({
      file: rel,
      line: i.line,
      name: i.local,
      from: i.from,
      message: `${rel}:${i.line} uses \`${i.local}\` from "${i.from}" in code the browser runs (the component, meta or a helper they call); the browser gets {} for .server modules — move it to a client-safe module`,
    }));
}

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSourceFiles(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

export function findViolations(root: string): Violation[] {
  return listSourceFiles(path.join(root, "app")).flatMap((f) => checkFile(f, root));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const violations = findViolations(root);
  if (violations.length) {
    for (const v of violations) console.error(v.message);
    console.error(`\n${violations.length} value import(s) from .server modules reach the browser.`);
    process.exit(1);
  }
  console.log("client/server imports: ok");
}

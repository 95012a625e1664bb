/**
 * Full-text search (SQLite FTS5, table search_index kept up to date by triggers) over
 * ideas, comments, register entries and meeting minutes, accent-insensitive, ranked by bm25 with the title
 * weighted above the body, with highlighted snippets. Snippets are HTML-escaped here and
 * only <mark> is added, so they are safe to render.
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";
import type { SearchKind } from "./schemas";

export const PAGE_SIZE = 20;

/** Turns what a person typed into an FTS5 query: every word must match, as a prefix. */
export function toFtsQuery(q: string): string | null {
  const words = q.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(" ");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Markers chosen because they cannot appear in typed text; replaced after escaping. */
const OPEN = "\u0002";
const CLOSE = "\u0003";
export const highlightHtml = (s: string) => escapeHtml(s.replace(/[*_#`]+/g, "")).replaceAll(OPEN, "<mark>").replaceAll(CLOSE, "</mark>");

export interface SearchHit {
  kind: SearchKind;
  refId: number;
  ideaId: number | null;
  councilName: string | null;
  titleHtml: string;
  snippetHtml: string;
  href: string;
}

export function search(opts: { q: string; kind?: string; councilId?: number; status?: string; theme?: string; page?: number }) {
  const match = toFtsQuery(opts.q);
  if (!match) return { hits: [] as SearchHit[], total: 0, page: 1, pages: 1 };
  const page = Math.max(1, opts.page ?? 1);
  const filters = sql.join(
    [
      sql`search_index MATCH ${match}`,
      opts.kind ? sql`s.kind = ${opts.kind}` : undefined,
      opts.councilId !== undefined ? sql`s.council_id = ${opts.councilId}` : undefined,
      opts.status ? sql`i.status = ${opts.status}` : undefined,
      opts.theme ? sql`i.theme = ${opts.theme}` : undefined,
      // an idea hidden by moderation takes its comments out of the results too
      sql`(i.id IS NULL OR i.hidden_at IS NULL)`,
    ].filter((x): x is NonNullable<typeof x> => x !== undefined),
    sql` AND `,
  );
  const from = sql`FROM search_index s LEFT JOIN ideas i ON i.id = s.idea_id LEFT JOIN councils c ON c.id = s.council_id WHERE ${filters}`;
  const total = (db.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)?.n ?? 0) as number;
  const rows = db.all<{ kind: SearchHit["kind"]; ref_id: number; idea_id: number | null; council_name: string | null; title: string; snip: string }>(
    sql`SELECT s.kind, s.ref_id, s.idea_id, c.name AS council_name,
          highlight(search_index, 4, ${OPEN}, ${CLOSE}) AS title,
          snippet(search_index, 5, ${OPEN}, ${CLOSE}, '…', 24) AS snip
        ${from}
        ORDER BY bm25(search_index, 0, 0, 0, 0, 4.0, 1.0)
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  );
  const hits: SearchHit[] = rows.map((r) => ({
    kind: r.kind,
    refId: Number(r.ref_id),
    ideaId: r.idea_id === null ? null : Number(r.idea_id),
    councilName: r.council_name,
    titleHtml: highlightHtml(r.title),
    snippetHtml: highlightHtml(r.snip),
    href:
      r.kind === "idea"
        ? `/ideas/${r.ref_id}`
        : r.kind === "comment"
          ? `/ideas/${r.idea_id}#comment-${r.ref_id}`
          : r.kind === "minutes"
            ? `/meetings/${r.ref_id}#minutes`
            : `/decisions/${r.ref_id}`,
  }));
  return { hits, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

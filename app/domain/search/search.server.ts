/**
 * Full-text search (SQLite FTS5, table search_index kept up to date by triggers) over
 * ideas, comments, register entries and meeting minutes, ranked by bm25 with the title
 * weighted above the body. Insensitive to case, accents, ligatures and common compatibility
 * characters: the index holds folded text (migration 0010, SEARCH_INDEX_FOLDS) and queries
 * go through the same foldForSearch, so "coeur" finds "Cœur de ville". Titles and snippets
 * are highlighted on the original text (app/lib/highlight.ts), HTML-escaped with only
 * <mark> added, so they are safe to render.
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";
import type { SearchKind } from "./schemas";
import { highlightAll, highlightSnippet } from "~/lib/highlight";
import { foldForSearch } from "~/lib/text";

export const PAGE_SIZE = 20;
/**
 * Ranking is bounded: bm25 orders at most this many matches, the most recent ones (FTS5
 * walks its doclist by rowid, newest first, and stops there), and the count stops one past
 * it ("more than 1,000 results"). A common word at city scale matched 200,000 rows, all
 * counted and ranked: 183 ms of SQL per search (decision record 015).
 */
export const SEARCH_CANDIDATES = 1000;

/** The folded words of a query, at most 12: what the index is searched and highlighted with. */
export function queryTerms(q: string): string[] {
  return (foldForSearch(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Turns what a person typed into an FTS5 query: every (folded) word must match, as a prefix. */
export function toFtsQuery(q: string): string | null {
  const words = queryTerms(q);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(" ");
}


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
  if (!match) return { hits: [] as SearchHit[], total: 0, capped: false, page: 1, pages: 1 };
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
  const counted = (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${SEARCH_CANDIDATES + 1})`)?.n ?? 0) as number;
  const capped = counted > SEARCH_CANDIDATES;
  const total = Math.min(counted, SEARCH_CANDIDATES);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.max(1, opts.page ?? 1);
  const rows = db.all<{ kind: SearchHit["kind"]; ref_id: number; idea_id: number | null; council_name: string | null; title: string; body: string }>(
    sql`SELECT kind, ref_id, idea_id, council_name, title, body FROM (
          SELECT s.rowid AS id, s.kind, s.ref_id, s.idea_id, c.name AS council_name, s.title_text AS title, s.body_text AS body,
                 bm25(search_index, 0, 0, 0, 0, 4.0, 1.0, 0, 0) AS rank
          ${from}
          ORDER BY s.rowid DESC LIMIT ${SEARCH_CANDIDATES})
        ORDER BY rank, id DESC
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  );
  const terms = queryTerms(opts.q);
  const hits: SearchHit[] = rows.map((r) => ({
    kind: r.kind,
    refId: Number(r.ref_id),
    ideaId: r.idea_id === null ? null : Number(r.idea_id),
    councilName: r.council_name,
    titleHtml: highlightAll(r.title ?? "", terms),
    snippetHtml: highlightSnippet(r.body ?? "", terms),
    href:
      r.kind === "idea"
        ? `/ideas/${r.ref_id}`
        : r.kind === "comment"
          ? `/ideas/${r.idea_id}?comment=${r.ref_id}#comment-${r.ref_id}`
          : r.kind === "minutes"
            ? `/meetings/${r.ref_id}#minutes`
            : `/decisions/${r.ref_id}`,
  }));
  return { hits, total, capped, page, pages };
}

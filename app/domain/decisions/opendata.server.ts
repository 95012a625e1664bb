/** The register as open data: the full chain (JSON), a flat table (CSV) and the Atom feed. */
import { absoluteUrl } from "~/config/site.server";
import { toCsv, type CsvCell } from "~/lib/csv";
import { GENESIS } from "~/lib/hash-chain";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { truncate } from "~/lib/text";
import { el, toXml } from "~/lib/xml";
import type { Dataset, DatasetContext } from "../opendata/types";
import { allDecisions, recentDecisions, registerHead } from "./decisions.server";
import { withHiddenSubjects, hiddenIdeaText } from "../moderation/visibility.server";
import { registerCheckpoint } from "./checkpoint.server";
import { publicEntry } from "./record.server";

/** The full chain: anyone can recompute every hash from this file alone (docs/register.md). */
export function registerJson(): string {
  const entries = [];
  let head = GENESIS;
  for (const row of allDecisions()) {
    entries.push({ ...publicEntry(row), prevHash: row.prevHash, hash: row.hash });
    head = row.hash;
  }
  return JSON.stringify({ format: "conseil-ouvert-register/1", genesis: GENESIS, head, count: entries.length, entries }, null, 1);
}

/**
 * The register as a flat table. Unlike register.json (the proof, kept exactly as hashed),
 * an idea hidden by moderation is named by its notice here, not by its title.
 */
export function registerCsv(): string {
  const rows: CsvCell[][] = [];
  for (const r of inBatches(allDecisions(), 500, withHiddenSubjects)) {
    rows.push([
      r.seq, r.recordedAt, r.authorName, r.authorRole, r.councilName ?? "", r.subjectKind, r.subjectId ?? "", r.subjectHidden ? hiddenIdeaText(r.subjectHidden.ideaId, r.subjectHidden) : r.subjectTitle,
      r.outcome, r.explanation, r.ruleVersionLabel ?? "", r.evidence, r.supersedesSeq ?? "", r.prevHash, r.hash,
    ]);
  }
  return toCsv(
    ["seq", "recorded_at", "author", "author_role", "council", "subject_kind", "subject_id", "subject_title", "outcome", "explanation", "rule_version", "evidence", "supersedes", "prev_hash", "hash"],
    rows,
  );
}

/** Applies `f` to `size` items at a time (one look-up of hidden ideas per batch, not per row). */
function* inBatches<T, U>(items: Iterable<T>, size: number, f: (batch: T[]) => U[]): Generator<U> {
  let batch: T[] = [];
  for (const x of items) {
    batch.push(x);
    if (batch.length === size) {
      yield* f(batch);
      batch = [];
    }
  }
  if (batch.length) yield* f(batch);
}

const FEED_TEXT = {
  fr: {
    title: "Registre des arbitrages",
    council: "Registre des arbitrages — {name}",
    description: "Chaque décision publiée avec son explication écrite.",
    seal: "Registre n° {seq}, empreinte {hash}. Tête du registre à la publication de ce flux : n° {headSeq}, empreinte {headHash}.",
  },
  en: {
    title: "Decision register",
    council: "Decision register — {name}",
    description: "Every decision published with its written explanation.",
    seal: "Register entry no. {seq}, hash {hash}. Register head when this feed was published: no. {headSeq}, hash {headHash}.",
  },
};

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));

/** Namespace of the register's extension elements in the feeds (see docs/register.md). */
export const REGISTER_NS = "urn:conseil-ouvert:register:1";

/**
 * The Atom feed (RFC 4287) of the latest 50 register entries, town-wide or for one council.
 * Feed: id (its own URL), title, subtitle, updated, self and alternate links, rights, and
 * `reg:head` — the register's head (seq, hash) when the feed was written. Entry: id (the
 * entry's URL), title and summary as text (a `<b>` in a title stays literal), updated,
 * published, alternate link, author, the explanation as HTML, and `reg:entry` (seq, hash,
 * prevHash) plus `reg:head`, also written out in a last content paragraph, so that every
 * reader and archive keeps a copy of the head (docs/register.md, "Keeping the head").
 * All text goes through toXml, which drops characters XML 1.0 forbids.
 */
export function decisionsAtom(ctx: DatasetContext & { council?: { id: number; name: string; slug: string } }): string {
  const text = FEED_TEXT[ctx.locale];
  const self = absoluteUrl(ctx.council ? `/councils/${ctx.council.slug}/decisions.atom` : "/decisions.atom");
  const rows = withHiddenSubjects(recentDecisions(50, ctx.council?.id));
  const head = registerHead();
  const headEl = head ? el("reg:head", { seq: head.seq, hash: head.hash }) : null;
  const entries = rows.map((r) => {
    const url = absoluteUrl(`/decisions/${r.seq}`);
    const seal = head ? fill(text.seal, { seq: r.seq, hash: r.hash, headSeq: head.seq, headHash: head.hash }) : "";
    return el(
      "entry",
      {},
      el("id", {}, url),
      el("title", { type: "text" }, `n° ${r.seq} — ${r.subjectHidden ? hiddenIdeaText(r.subjectHidden.ideaId, r.subjectHidden, ctx.locale) : r.subjectTitle}`),
      el("updated", {}, r.recordedAt),
      el("published", {}, r.recordedAt),
      el("link", { rel: "alternate", type: "text/html", href: url }),
      el("author", {}, el("name", {}, r.authorName)),
      el("summary", { type: "text" }, truncate(markdownToText(r.explanation), 280)),
      el("content", { type: "html" }, `${renderMarkdown(r.explanation)}\n<p><small>${escapeHtml(seal)}</small></p>`),
      el("reg:entry", { seq: r.seq, hash: r.hash, prevHash: r.prevHash }),
      headEl,
    );
  });
  return toXml({
    name: "feed",
    ns: "http://www.w3.org/2005/Atom",
    attrs: { "xmlns:reg": REGISTER_NS, "xml:lang": ctx.locale },
    children: [
      el("id", {}, self),
      el("title", { type: "text" }, `${ctx.council ? text.council.replace("{name}", ctx.council.name) : text.title} · ${ctx.townName}`),
      el("subtitle", { type: "text" }, text.description),
      el("updated", {}, rows[0]?.recordedAt ?? new Date(0).toISOString()),
      el("link", { rel: "self", type: "application/atom+xml", href: self }),
      el("link", { rel: "alternate", type: "text/html", href: absoluteUrl(ctx.council ? `/decisions?council=${ctx.council.slug}` : "/decisions") }),
      el("rights", { type: "text" }, LICENCE_NAME),
      el("generator", {}, "Conseil Ouvert"),
      headEl,
      ...entries,
    ],
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const LICENCE_NAME = "Licence Ouverte 2.0 (Etalab)";

export const decisionDatasets: Dataset[] = [
  {
    file: "register.json",
    titleKey: "openData.sets.registerJson.title",
    descriptionKey: "openData.sets.registerJson.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () => registerJson(),
  },
  {
    file: "register-checkpoint.json",
    titleKey: "openData.sets.registerCheckpoint.title",
    descriptionKey: "openData.sets.registerCheckpoint.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () => JSON.stringify(registerCheckpoint(), null, 1),
    volatile: true,
  },
  {
    file: "register.csv",
    titleKey: "openData.sets.registerCsv.title",
    descriptionKey: "openData.sets.registerCsv.description",
    format: "CSV",
    contentType: "text/csv; charset=utf-8",
    produce: () => registerCsv(),
  },
  {
    file: "decisions.atom",
    href: "/decisions.atom",
    titleKey: "openData.sets.decisionsAtom.title",
    descriptionKey: "openData.sets.decisionsAtom.description",
    format: "Atom",
    contentType: "application/atom+xml; charset=utf-8",
    produce: (ctx) => decisionsAtom(ctx),
  },
];

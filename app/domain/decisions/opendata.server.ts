/** The register as open data: the full chain (JSON), a flat table (CSV) and the Atom feed. */
import { Feed } from "feed";
import { absoluteUrl } from "~/config/site.server";
import { toCsv, type CsvCell } from "~/lib/csv";
import { GENESIS } from "~/lib/hash-chain";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { truncate } from "~/lib/text";
import type { Dataset, DatasetContext } from "../opendata/types";
import { allDecisions, recentDecisions } from "./decisions.server";
import { publicEntry, type DecisionRow } from "./record.server";

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

export function registerCsv(): string {
  const rows: CsvCell[][] = [];
  for (const r of allDecisions()) {
    rows.push([
      r.seq, r.recordedAt, r.authorName, r.authorRole, r.councilName ?? "", r.subjectKind, r.subjectId ?? "", r.subjectTitle,
      r.outcome, r.explanation, r.ruleVersionLabel ?? "", r.evidence, r.supersedesSeq ?? "", r.prevHash, r.hash,
    ]);
  }
  return toCsv(
    ["seq", "recorded_at", "author", "author_role", "council", "subject_kind", "subject_id", "subject_title", "outcome", "explanation", "rule_version", "evidence", "supersedes", "prev_hash", "hash"],
    rows,
  );
}

const FEED_TEXT = {
  fr: { title: "Registre des arbitrages", council: "Registre des arbitrages — {name}", description: "Chaque décision publiée avec son explication écrite." },
  en: { title: "Decision register", council: "Decision register — {name}", description: "Every decision published with its written explanation." },
};

export function decisionsAtom(ctx: DatasetContext & { council?: { id: number; name: string; slug: string } }): string {
  const text = FEED_TEXT[ctx.locale];
  const self = absoluteUrl(ctx.council ? `/councils/${ctx.council.slug}/decisions.atom` : "/decisions.atom");
  const rows: DecisionRow[] = recentDecisions(50, ctx.council?.id);
  const feed = new Feed({
    title: `${ctx.council ? text.council.replace("{name}", ctx.council.name) : text.title} · ${ctx.townName}`,
    description: text.description,
    id: self,
    link: absoluteUrl(ctx.council ? `/decisions?council=${ctx.council.slug}` : "/decisions"),
    language: ctx.locale,
    updated: rows[0] ? new Date(rows[0].recordedAt) : new Date(0),
    feedLinks: { atom: self },
    copyright: "Licence Ouverte 2.0 (Etalab)",
  });
  for (const r of rows) {
    const url = absoluteUrl(`/decisions/${r.seq}`);
    feed.addItem({
      title: `n° ${r.seq} — ${r.subjectTitle}`,
      id: url,
      link: url,
      date: new Date(r.recordedAt),
      description: truncate(markdownToText(r.explanation), 280),
      content: renderMarkdown(r.explanation),
      author: [{ name: r.authorName }],
    });
  }
  return feed.atom1();
}

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

/**
 * Turns the demo ideas (db/seed/demo-ideas.ts) into timed events that go through the real
 * domain functions: submissions (online or médiation), supports, comments, answers, one
 * merge and one moderation. The caller runs every seed event in time order, so the register
 * reads chronologically.
 */
import { generateIdFromEntropySize } from "lucia";
import { db } from "../client.server";
import { users } from "../schema";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { answerIdea, mergeIdea } from "~/domain/ideas/answers.server";
import { addComment } from "~/domain/ideas/comments.server";
import { hasSupported, submitIdea, submitIdeaOnBehalf, supportIdea } from "~/domain/ideas/ideas.server";
import { hideContent, reportContent } from "~/domain/moderation/moderation.server";
import { DEMO_IDEAS, DEMO_RESIDENTS, type DemoIdea } from "./demo-ideas";
import { DEMO_RULES } from "./demo-rules";

export interface SeedEvent {
  at: number;
  run: () => void;
}

const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function slugEmail(name: string, i: number) {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${base}.${i}@exemple.fr`;
}

const HIDE_REASON =
  "Ce commentaire vise des habitants d'un quartier plutôt que l'idée elle-même. La charte demande des échanges respectueux : il est masqué, et son auteur peut reformuler son argument sur le fond.";

export function ideaEvents(ctx: { passwordHash: string; now: number; demoResident: Actor; official: Actor; facilitatorFor: (councilId: number | null) => Actor }): SeedEvent[] {
  const random = rng(20261122);


  // Residents (no demo login): index 0 is the demo resident, so their account has a history.
  const residents: Actor[] = [ctx.demoResident];
  for (let i = 1; i < DEMO_RESIDENTS.length; i++) {
    const id = generateIdFromEntropySize(10);
    db.insert(users).values({ id, email: slugEmail(DEMO_RESIDENTS[i]!, i), displayName: DEMO_RESIDENTS[i]!, passwordHash: ctx.passwordHash }).run();
    residents.push(loadActor(id)!);
  }

  const facilitatorFor = ctx.facilitatorFor;

  const ideaIds = new Map<string, number>();
  const commentIds = new Map<string, number[]>();
  const events: SeedEvent[] = [];

  DEMO_IDEAS.forEach((d: DemoIdea) => {
    const submittedAt = ctx.now - d.daysAgo * DAY + Math.floor(random() * 8 * 3_600_000) - 4 * 3_600_000;
    const councilId = d.council ? getCouncilBySlug(d.council)!.id : null;
    const author = residents[d.author % residents.length]!;
    const at = (days: number) => Math.min(ctx.now - 60_000, submittedAt + days * DAY + Math.floor(random() * 5 * 3_600_000));

    events.push({
      at: submittedAt,
      run: () => {
        const input = { title: d.title, body: d.body, theme: d.theme, councilId, place: d.place };
        const row =
          d.channel && d.channel !== "online"
            ? submitIdeaOnBehalf(
                facilitatorFor(councilId),
                { ...input, channel: d.channel, onBehalfName: d.onBehalfName ?? author.displayName, onBehalfContact: "", consent: "on" },
                { now: new Date(submittedAt) },
              )
            : submitIdea(author, input, { now: new Date(submittedAt) });
        ideaIds.set(d.key, row.id);
      },
    });

    // Supports happen before the idea closes (rejected or merged).
    const closing = d.mergeInto ? d.mergeDaysAfter ?? 10 : d.answers.find((a) => a.status === "rejected")?.daysAfter;
    const window = Math.max(0.5, Math.min(closing ?? d.daysAgo, d.daysAgo) - 0.2);
    const supporters = residents.filter((r) => r !== author).sort(() => random() - 0.5).slice(0, d.supporters);
    supporters.forEach((s, i) => {
      const sAt = submittedAt + ((i + 1) / (supporters.length + 1)) * window * DAY;
      // A supporter of a merged idea already supports its collective idea: skip them there.
      events.push({ at: sAt, run: () => void (hasSupported(s.userId, ideaIds.get(d.key)!) || supportIdea(s, ideaIds.get(d.key)!, { now: new Date(sAt) })) });
    });

    d.comments.forEach((c, ci) => {
      const cAt = at(c.daysAfter);
      events.push({
        at: cAt,
        run: () => {
          const row = addComment(residents[c.author % residents.length]!, ideaIds.get(d.key)!, { stance: c.stance, body: c.body, parentId: null }, { now: new Date(cAt) });
          const list = commentIds.get(d.key) ?? [];
          list[ci] = row.id;
          commentIds.set(d.key, list);
        },
      });
      if (/stupide|bobos/i.test(c.body)) {
        // reported a few hours later, hidden by a facilitator the next day
        const reporter = residents[(c.author + 3) % residents.length]!;
        const rAt = Math.min(cAt + 6 * 3_600_000, ctx.now - 40_000);
        const hAt = Math.min(cAt + DAY, ctx.now - 20_000);
        const id = () => commentIds.get(d.key)![ci]!;
        events.push({ at: rAt, run: () => void reportContent(reporter, { subjectKind: "comment", subjectId: id(), reason: "Propos méprisants envers les habitants du centre." }, { now: new Date(rAt) }) });
        events.push({ at: hAt, run: () => void hideContent(facilitatorFor(councilId), { subjectKind: "comment", subjectId: id(), reason: HIDE_REASON }, { now: new Date(hAt) }) });
      }
      (c.replies ?? []).forEach((r) => {
        const rAt = Math.max(cAt + 3_600_000, at(r.daysAfter));
        events.push({
          at: rAt,
          run: () => {
            const parent = commentIds.get(d.key)?.[ci];
            if (parent) addComment(residents[r.author % residents.length]!, ideaIds.get(d.key)!, { stance: "neutral", body: r.body, parentId: parent }, { now: new Date(rAt) });
          },
        });
      });
    });

    d.answers.forEach((a) => {
      // An accepted idea about the rulebook is answered once the version carrying it out
      // (v2 of the demo charter) is published, and links to it.
      const isRules = d.theme === "rules" && (a.status === "accepted" || a.status === "implemented");
      const aAt = isRules ? Date.parse(DEMO_RULES[1]!.at) + 2 * 3_600_000 : at(a.daysAfter);
      const ruleVersion = isRules ? 2 : null;
      events.push({
        at: aAt,
        run: () => {
          const who = a.by === "facilitator" ? facilitatorFor(councilId) : ctx.official;
          const cites = (a.cites ?? []).map((i) => commentIds.get(d.key)?.[i]).filter((x): x is number => typeof x === "number");
          answerIdea(who, ideaIds.get(d.key)!, { status: a.status, explanation: a.explanation, cites, ruleVersion }, { now: new Date(aAt) });
        },
      });
    });

    if (d.mergeInto) {
      const mAt = at(d.mergeDaysAfter ?? 10);
      events.push({
        at: mAt,
        run: () => mergeIdea(ctx.official, ideaIds.get(d.key)!, ideaIds.get(d.mergeInto!)!, d.mergeExplanation ?? "", { now: new Date(mAt) }),
      });
    }
  });
  return events;
}

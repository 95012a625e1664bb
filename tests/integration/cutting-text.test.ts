/**
 * Summaries and excerpts are cut on grapheme boundaries on every surface that shortens user
 * text: register lists (home, council, meeting, register), the Atom summary, and the
 * moderation queue. The text puts emoji sequences and combining accents at every cut.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { markHeld, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { moderationQueue, reportContent } from "~/domain/moderation/moderation.server";
import * as home from "~/routes/_index";
import * as councilPage from "~/routes/councils.$slug";
import * as register from "~/routes/decisions._index";
import * as atom from "~/routes/decisions[.]atom";
import * as meetingPage from "~/routes/meetings.$id";
import { markdownToText } from "~/lib/markdown";
import { makeUser } from "../support/fixtures";
import { getRequest, run } from "../support/http";
import { ATOM_NS, parseStrictXml } from "../support/xml";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";
import { expectCutOnGraphemes } from "../support/text";

// 9 code units per unit, one or two graphemes: a code-unit cut lands inside most of them.
const TAIL = "👩🏽‍🚒e\u0301".repeat(80);
// The tail comes first so that every cut (200, 239, 240, 280, 300 code units before) falls inside it.
const explanation = `${TAIL} ${EXPLANATION}`;
let slug: string;
let meetingId: number;
let facilitator: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  makeTown();
  const council = makeCouncil();
  slug = council.slug;
  const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council.id }] });
  await makeRules({}, official);
  const m = scheduleMeeting(facilitator, { councilId: council.id, title: "Réunion", startsAt: "2026-01-05T18:00", endsAt: "2026-01-05T20:00", placeName: "Salle", address: "", accessibility: "" });
  markHeld(facilitator, m.id);
  meetingId = m.id;
  publishCouncilDecision(official, { councilId: council.id, title: "Bancs", outcome: "adopted", explanation, evidence: `/meetings/${m.id} Compte rendu`, supersedes: null });
  const resident = await makeUser();
  const idea = submitIdea(resident, { title: "Idée longue", body: `Des bancs ${TAIL}`, theme: "public_space", councilId: council.id, place: "" });
  reportContent(await makeUser(), { subjectKind: "idea", subjectId: idea.id, reason: "Signalement de test" });
});

const source = () => markdownToText(explanation);

describe("cutting user text", () => {
  it("register, home, council and meeting lists", async () => {
    const pages = [
      (await run(register.loader, getRequest("/decisions"))).data.rows,
      (await run(home.loader, getRequest("/"))).data.decisions,
      (await run(councilPage.loader, getRequest(`/councils/${slug}`), { slug })).data.decisions,
      (await run(meetingPage.loader, getRequest(`/meetings/${meetingId}`), { id: String(meetingId) })).data.decisions,
    ];
    for (const rows of pages) {
      const d = rows.find((r: { subjectTitle: string }) => r.subjectTitle === "Bancs");
      expect(d).toBeTruthy();
      expect(d.summary.length).toBeLessThan(source().length);
      expectCutOnGraphemes(source(), d.summary, 240);
    }
  });

  it("the Atom entry summary", async () => {
    const res = await atom.loader({ request: getRequest("/decisions.atom"), params: {}, context: {} });
    const doc = parseStrictXml(await res.text());
    const summary = doc.getElementsByTagNameNS(ATOM_NS, "summary")[0]!.textContent!;
    expectCutOnGraphemes(source(), summary, 280);
  });

  it("the moderation queue excerpt", () => {
    const item = moderationQueue(facilitator).find((q) => q.kind === "idea")!;
    expectCutOnGraphemes(`Des bancs ${TAIL}`, item.excerpt, 300);
  });
});

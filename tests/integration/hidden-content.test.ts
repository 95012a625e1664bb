/**
 * An idea created, linked everywhere it can be (answered in the register, put on a
 * meeting's agenda, a merged idea pointing at it, followers notified), then hidden by
 * moderation: its title is on no page, feed, export or search result any more, and the
 * notice (who, when, why) takes its place where it is listed. A hidden comment likewise.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answerIdea, mergeIdea } from "~/domain/ideas/answers.server";
import { addComment } from "~/domain/ideas/comments.server";
import { followIdea, submitIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishAgenda, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { hideContent } from "~/domain/moderation/moderation.server";
import { datasets } from "~/domain/opendata/registry.server";
import { verifyRegister } from "~/domain/decisions/decisions.server";
import * as home from "~/routes/_index";
import * as notificationsPage from "~/routes/account.notifications";
import * as councilAtom from "~/routes/councils.$slug.decisions[.]atom";
import * as councilPage from "~/routes/councils.$slug";
import * as decisionPage from "~/routes/decisions.$seq";
import * as register from "~/routes/decisions._index";
import * as atom from "~/routes/decisions[.]atom";
import * as ideaPage from "~/routes/ideas.$id";
import * as ideasList from "~/routes/ideas._index";
import * as meetingPage from "~/routes/meetings.$id";
import * as download from "~/routes/open-data.$file";
import * as searchPage from "~/routes/search";
import { makeUser } from "../support/fixtures";
import { getRequest, run, sessionCookieFor } from "../support/http";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

const SECRET = "Zorglub-Secret-Titre";
const COMMENT_SECRET = "Zorglub-Commentaire-Injurieux";
const REASON = "Le titre contient le nom et l'adresse d'une personne privée, ce que la charte interdit ; l'idée reste consultable par son numéro.";
let slug: string;
let ideaId: number;
let mergedId: number;
let answerSeq: number;
let meetingId: number;
let followerCookie: string;

beforeAll(async () => {
  makeTown();
  const council = makeCouncil();
  slug = council.slug;
  const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council.id }] });
  await makeRules({}, official);
  const author = await makeUser();
  const follower = await makeUser();
  followerCookie = await sessionCookieFor(follower.userId);

  const idea = submitIdea(author, { title: `${SECRET} rue des Lilas`, body: `Le corps parle de ${SECRET} aussi.`, theme: "public_space", councilId: council.id, place: SECRET });
  ideaId = idea.id;
  followIdea(follower, idea.id, true);
  const other = submitIdea(author, { title: "Idée voisine", body: "Une idée proche, fusionnée dans la première.", theme: "public_space", councilId: council.id, place: "" });
  mergedId = other.id;
  mergeIdea(official, other.id, idea.id, EXPLANATION);
  answerSeq = answerIdea(official, idea.id, { status: "under_review", explanation: EXPLANATION, cites: [], ruleVersion: null }).seq;
  const rude = addComment(follower, idea.id, { stance: "against", body: `${COMMENT_SECRET} !`, parentId: null });

  const m = scheduleMeeting(facilitator, { councilId: council.id, title: "Réunion publique", startsAt: "2026-01-05T18:00", endsAt: "2026-01-05T20:00", placeName: "Salle", address: "", accessibility: "" });
  meetingId = m.id;
  publishAgenda(facilitator, m.id, { agenda: "1. Accueil\n2. Les idées du quartier", ideaIds: [idea.id] });
  markHeld(facilitator, m.id);

  hideContent(facilitator, { subjectKind: "comment", subjectId: rude.id, reason: REASON });
  hideContent(facilitator, { subjectKind: "idea", subjectId: idea.id, reason: REASON });
});

const text = (x: unknown) => JSON.stringify(x);

function expectHidden(data: unknown, what: string) {
  const s = text(data);
  expect(s, what).not.toContain(SECRET);
  expect(s, what).not.toContain(COMMENT_SECRET);
}

describe("an idea hidden by moderation", () => {
  it("meeting page: the agenda lists its notice, not its title", async () => {
    const page = await run(meetingPage.loader, getRequest(`/meetings/${meetingId}`), { id: String(meetingId) });
    expectHidden(page.data, "meeting page");
    const linked = page.data.ideas.find((i: { id: number }) => i.id === ideaId);
    expect(linked).toMatchObject({ id: ideaId, title: null, hidden: { reason: REASON } });
    expect(linked.hidden.decisionSeq).toBeGreaterThan(answerSeq);
  });

  it("council page, home page, idea list", async () => {
    expectHidden((await run(councilPage.loader, getRequest(`/councils/${slug}`), { slug })).data, "council page");
    expectHidden((await run(home.loader, getRequest("/"))).data, "home page");
    expectHidden((await run(ideasList.loader, getRequest(`/ideas?council=${slug}`))).data, "idea list");
  });

  it("register list and the answer's own page show the notice", async () => {
    const list = await run(register.loader, getRequest("/decisions"));
    expectHidden(list.data, "register");
    expect(list.data.rows.find((r: { seq: number }) => r.seq === answerSeq).subjectHidden).toMatchObject({ ideaId, reason: REASON });
    const entry = await run(decisionPage.loader, getRequest(`/decisions/${answerSeq}`), { seq: String(answerSeq) });
    expectHidden(entry.data, "decision page");
    expect(entry.data.subject).toContain(String(ideaId));
  });

  it("the idea merged into it, and its own page", async () => {
    const merged = await run(ideaPage.loader, getRequest(`/ideas/${mergedId}`), { id: String(mergedId) });
    expectHidden(merged.data, "merged idea page");
    expect(merged.data.mergedInto).toMatchObject({ id: ideaId, title: null, hidden: { reason: REASON } });
    const own = (await run(ideaPage.loader, getRequest(`/ideas/${ideaId}`), { id: String(ideaId) })).data;
    expectHidden(own, "hidden idea page");
  });

  it("notifications of its followers", async () => {
    const page = await run(notificationsPage.loader, getRequest("/account/notifications", { cookie: followerCookie }));
    expect(page.data.list.length).toBeGreaterThan(0);
    expectHidden(page.data, "notifications");
  });

  it("search", async () => {
    for (const q of [SECRET, COMMENT_SECRET, "Lilas"]) {
      const page = await run(searchPage.loader, getRequest(`/search?q=${encodeURIComponent(q)}`));
      expect(page.data.total, q).toBe(0);
    }
  });

  it("feeds and every open-data file but the hashed chain", async () => {
    for (const res of [
      await atom.loader({ request: getRequest("/decisions.atom"), params: {}, context: {} }),
      await councilAtom.loader({ request: getRequest(`/councils/${slug}/decisions.atom`), params: { slug }, context: {} }),
    ]) {
      const body = await res.text();
      expect(body).not.toContain(SECRET);
      expect(body).toContain(`Idée n° ${ideaId} masquée par modération`);
    }
    for (const d of datasets()) {
      const res = await download.loader({ request: getRequest(`/open-data/${d.file}`), params: { file: d.file }, context: {} });
      const body = await res.text();
      // register.json is the proof: entries exactly as hashed, so anyone can recompute the
      // chain (docs/register.md, "Moderation and the register").
      if (d.file === "register.json") continue;
      expect(body, d.file).not.toContain(SECRET);
      expect(body, d.file).not.toContain(COMMENT_SECRET);
    }
    expect(verifyRegister().ok).toBe(true);
  });
});

/**
 * What people read: diffs show changed words, not markdown; the médiation path says whose
 * idea was published; a register entry's outcome is a word.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { answerIdea } from "~/domain/ideas/answers.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { resources } from "~/i18next.server";
import * as ideaPage from "~/routes/ideas.$id";
import * as newIdea from "~/routes/ideas.new";
import * as minutesDiff from "~/routes/meetings.$id_.minutes.diff";
import * as rulesDiff from "~/routes/rules.diff";
import { makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

let councilId: number;
let facilitator: Awaited<ReturnType<typeof makeUser>>;
let official: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  makeTown();
  councilId = makeCouncil().id;
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ name: "Fabien Animateur", roles: [{ role: "facilitator", councilId }] });
  await makeRules({ body: "## Délais\n\nUne réponse **écrite** sous *trente* jours.\n\n- au guichet\n- en ligne" }, official);
  await makeRules({ body: "## Délais\n\nUne réponse **écrite** sous *quinze* jours.\n\n- au guichet\n- en ligne\n- par courrier", explanation: `${EXPLANATION} Délai raccourci.` }, official);
});

const MARKUP = /##|\*\*|(^|\s)\*|<\/?[a-z]/;

describe("diffs show the words that changed", () => {
  it("between two rulebook versions", async () => {
    const page = await run(rulesDiff.loader, getRequest("/rules/diff?from=1&to=2"));
    const parts = page.data.diff.text as { kind: string; text: string }[];
    for (const p of parts) expect(p.text, JSON.stringify(p)).not.toMatch(MARKUP);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["trente"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim()).join(" ")).toMatch(/quinze.*courrier/s);
    expect(parts.map((p) => p.text).join("")).toContain("Délais\n\n");
  });

  it("between two versions of minutes", async () => {
    const m = scheduleMeeting(facilitator, { councilId, title: "Réunion", startsAt: "2026-01-05T18:00", endsAt: "2026-01-05T20:00", placeName: "Salle", address: "", accessibility: "" });
    markHeld(facilitator, m.id);
    publishMinutes(facilitator, m.id, { body: "## Présents\n\n**Douze** habitants.", attendanceCount: 12, changeNote: "" });
    publishMinutes(facilitator, m.id, { body: "## Présents\n\n**Treize** habitants.", attendanceCount: 13, changeNote: "Un oubli" });
    const page = await run(minutesDiff.loader, getRequest(`/meetings/${m.id}/minutes/diff?from=1&to=2`), { id: String(m.id) });
    for (const p of page.data.parts) expect(p.text).not.toMatch(MARKUP);
    expect(page.data.parts.filter((p: { kind: string }) => p.kind !== "same").map((p: { text: string }) => p.text.trim())).toEqual(["Douze", "Treize"]);
  });
});

describe("médiation", () => {
  it("the success message names the resident, not the facilitator", async () => {
    const cookie = await sessionCookieFor(facilitator.userId);
    const res = await run(
      newIdea.action,
      formRequest("/ideas/new", { onBehalf: "1", onBehalfName: "Mme Odette Lambert", onBehalfContact: "", channel: "assisted", consent: "on", title: "Un abri au square", body: "Un abri contre la pluie près des jeux, demandé au guichet.", theme: "public_space", councilId: String(councilId), place: "" }, { cookie }),
    );
    expect(res.status).toBe(302);
    const page = await run(ideaPage.loader, getRequest(res.location!, { cookie }), { id: res.location!.match(/\/ideas\/(\d+)/)![1]! });
    expect(page.data.published).toEqual({ key: "idea.publishedOnBehalf", name: "Mme Odette Lambert" });
    for (const lng of ["fr", "en"] as const) {
      const t = i18next.createInstance();
      await t.init({ lng, resources, defaultNS: "common", interpolation: { escapeValue: false } });
      const text = t.t(page.data.published.key, { name: page.data.published.name, date: "1er juin", channel: "x" });
      expect(text).toContain("Mme Odette Lambert");
      expect(text).not.toMatch(/Votre idée|Your idea/);
    }
  });

  it("a resident's own idea keeps the first-person message", async () => {
    const resident = await makeUser();
    const idea = submitIdea(resident, { title: "Un banc", body: "Un banc à l'ombre près de la fontaine du square.", theme: "public_space", councilId, place: "" });
    const page = await run(ideaPage.loader, getRequest(`/ideas/${idea.id}?new=1`), { id: String(idea.id) });
    expect(page.data.published).toEqual({ key: "idea.published", name: null });
    answerIdea(official, idea.id, { status: "accepted", explanation: EXPLANATION, cites: [], ruleVersion: null });
  });
});

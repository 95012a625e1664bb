/**
 * Feeds, calendars and open data link to the site's own address (PUBLIC_URL), never to
 * the Host of the request: a request for evil.example must not get (and make caches keep)
 * links to evil.example.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { scheduleMeeting } from "~/domain/meetings/meetings.server";
import { datasets } from "~/domain/opendata/registry.server";
import * as councilAtom from "~/routes/councils.$slug.decisions[.]atom";
import * as councilIcs from "~/routes/councils.$slug.meetings[.]ics";
import * as atom from "~/routes/decisions[.]atom";
import * as ics from "~/routes/meetings[.]ics";
import * as download from "~/routes/open-data.$file";
import { makeUser } from "../support/fixtures";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

process.env.PUBLIC_URL = "https://participation.ville-test.fr";
const EVIL = "evil.example";
let slug: string;

/** A request as the Express adapter builds it when the client sends `Host: evil.example`. */
function hostile(path: string) {
  return new Request(`http://${EVIL}${path}`, { headers: { Host: EVIL, "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "https" } });
}

beforeAll(async () => {
  makeTown();
  const council = makeCouncil();
  slug = council.slug;
  const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council.id }] });
  await makeRules({}, official);
  publishCouncilDecision(official, { councilId: council.id, title: "Bancs place du marché", outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: null });
  scheduleMeeting(facilitator, { councilId: council.id, title: "Réunion de printemps", startsAt: "2031-04-02T18:30", endsAt: "2031-04-02T20:00", placeName: "Salle", address: "", accessibility: "" });
});

function expectOnlyOwnLinks(body: string, what: string) {
  expect(body, what).not.toContain(EVIL);
  const urls = body.match(/https?:\/\/[^\s"'<>\\]+/g) ?? [];
  const own = urls.filter((u) => u.startsWith("https://participation.ville-test.fr/"));
  expect(own.length, `${what}: absolute links`).toBeGreaterThan(0);
}

describe("absolute links come from PUBLIC_URL", () => {
  it("town and council Atom feeds", async () => {
    const a = await atom.loader({ request: hostile("/decisions.atom"), params: {}, context: {} });
    expectOnlyOwnLinks(await a.text(), "decisions.atom");
    const c = await councilAtom.loader({ request: hostile(`/councils/${slug}/decisions.atom`), params: { slug }, context: {} });
    expectOnlyOwnLinks(await c.text(), "council atom");
  });

  it("town and council calendars", async () => {
    const a = await ics.loader({ request: hostile("/meetings.ics"), params: {}, context: {} });
    expectOnlyOwnLinks(await a.text(), "meetings.ics");
    const c = await councilIcs.loader({ request: hostile(`/councils/${slug}/meetings.ics`), params: { slug }, context: {} });
    expectOnlyOwnLinks(await c.text(), "council ics");
  });

  it("every open-data file", async () => {
    for (const d of datasets()) {
      const res = await download.loader({ request: hostile(`/open-data/${d.file}`), params: { file: d.file }, context: {} });
      expect(await res.text(), d.file).not.toContain(EVIL);
    }
  });
});

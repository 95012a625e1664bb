/**
 * The Atom feeds are strict XML 1.0 and follow RFC 4287, whatever residents type: a
 * vertical tab in an answered idea's title (the register keeps it for ever), markup and
 * CDATA terminators in titles. Titles are text: a literal <b> stays literal.
 */
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { answerIdea } from "~/domain/ideas/answers.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import * as councilAtom from "~/routes/councils.$slug.decisions[.]atom";
import * as atom from "~/routes/decisions[.]atom";
import { publicOrigin } from "~/config/site.server";
import { REGISTER_NS } from "~/domain/decisions/opendata.server";
import { db } from "#db/client.server";
import { decisions } from "#db/schema";
import { desc } from "drizzle-orm";
import { makeUser } from "../support/fixtures";
import { getRequest } from "../support/http";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";
import { ATOM_NS, parseStrictXml } from "../support/xml";

const TITLES = {
  vtab: "Bancs \u000b place du marché",
  markup: "<b>Gras</b> & ]]> « fin »",
  controls: "Nul\u0000 et formfeed\u000c et \uFFFE",
};
let slug: string;

beforeAll(async () => {
  makeTown();
  const council = makeCouncil("Quartier <Nord> & Co");
  slug = council.slug;
  const official = await makeUser({ name: "Élue \u0001 Test", roles: [{ role: "official", councilId: null }] });
  await makeRules({}, official);
  const resident = await makeUser();
  for (const title of Object.values(TITLES)) {
    const idea = submitIdea(resident, { title, body: "Des bancs à l'ombre près de la fontaine, pour les aînés.", theme: "public_space", councilId: council.id, place: "" });
    answerIdea(official, idea.id, { status: "under_review", explanation: `${EXPLANATION} \u0008`, cites: [], ruleVersion: null });
  }
  publishCouncilDecision(official, { councilId: null, title: "Décision de la ville", outcome: "noted", explanation: EXPLANATION, evidence: "", supersedes: null });
});

const child = (e: Element, name: string) => {
  for (let n = e.firstChild; n; n = n.nextSibling) if ((n as Element).localName === name && (n as Element).namespaceURI === ATOM_NS) return n as Element;
  return null;
};
const children = (e: Element, name: string) => {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if ((n as Element).localName === name && (n as Element).namespaceURI === ATOM_NS) out.push(n as Element);
  return out;
};

/** RFC 4287 §4.1: the elements a feed and its entries must have, text titles, and the register head. */
function checkAtom(text: string, what: string) {
  const doc = parseStrictXml(text, what);
  const feed = doc.documentElement!;
  expect(feed.namespaceURI, what).toBe(ATOM_NS);
  expect(feed.localName).toBe("feed");
  for (const name of ["id", "title", "updated"]) expect(child(feed, name), `${what}: feed ${name}`).not.toBeNull();
  expect(child(feed, "title")!.getAttribute("type")).toBe("text");
  expect(Date.parse(child(feed, "updated")!.textContent!)).not.toBeNaN();
  const self = children(feed, "link").find((l) => l.getAttribute("rel") === "self");
  expect(self?.getAttribute("href")).toBe(child(feed, "id")!.textContent);
  const head = doc.getElementsByTagNameNS(REGISTER_NS, "head")[0];
  const stored = db.select().from(decisions).orderBy(desc(decisions.seq)).limit(1).get()!;
  expect(head?.getAttribute("seq")).toBe(String(stored.seq));
  expect(head?.getAttribute("hash")).toBe(stored.hash);
  const entries = children(feed, "entry");
  expect(entries.length, what).toBeGreaterThan(0);
  for (const e of entries) {
    for (const name of ["id", "title", "updated", "link", "author"]) expect(child(e, name), `${what}: entry ${name}`).not.toBeNull();
    expect(child(e, "title")!.getAttribute("type"), `${what}: entry title type`).toBe("text");
    expect(child(e, "link")!.getAttribute("href")).toBe(child(e, "id")!.textContent);
    expect(child(e, "link")!.getAttribute("href")!.startsWith(`${publicOrigin()}/decisions/`)).toBe(true);
    expect(Date.parse(child(e, "updated")!.textContent!)).not.toBeNaN();
    const reg = e.getElementsByTagNameNS(REGISTER_NS, "entry")[0]!;
    expect(reg.getAttribute("hash")).toMatch(/^[0-9a-f]{64}$/);
    expect(child(e, "id")!.textContent).toBe(`${publicOrigin()}/decisions/${reg.getAttribute("seq")}`);
    expect(e.getElementsByTagNameNS(REGISTER_NS, "head")[0]!.getAttribute("hash")).toBe(stored.hash);
    expect(child(e, "content")!.textContent).toContain(stored.hash);
  }
  return entries.map((e) => child(e, "title")!.textContent!);
}

describe("Atom feeds", () => {
  it("the town feed is strict XML and valid Atom, with titles as literal text", async () => {
    const res = await atom.loader({ request: getRequest("/decisions.atom"), params: {}, context: {} });
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const titles = checkAtom(await res.text(), "decisions.atom");
    expect(titles.some((t) => t.endsWith("Bancs  place du marché"))).toBe(true);
    expect(titles.some((t) => t.endsWith("<b>Gras</b> & ]]> « fin »"))).toBe(true);
    expect(titles.some((t) => t.endsWith("Nul et formfeed et "))).toBe(true);
  });

  it("the council feed too, in English", async () => {
    const res = await councilAtom.loader({ request: getRequest(`/councils/${slug}/decisions.atom`, { lang: "en" }), params: { slug }, context: {} });
    const text = await res.text();
    const titles = checkAtom(text, "council feed");
    expect(titles).toHaveLength(3);
    expect(parseStrictXml(text).documentElement!.getElementsByTagNameNS(ATOM_NS, "title")[0]!.textContent).toContain("Quartier <Nord> & Co");
  });
});

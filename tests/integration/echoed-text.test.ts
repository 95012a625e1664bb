/**
 * What a page shows back of what someone typed — a form's typed values and messages, a
 * search, a filter, a code or a token from a link — never carries a control character: a
 * NUL typed into a field or a URL must not come back as a NUL byte in the page. Found by the
 * fuzz suite (tests/integration/fuzz), one case per way text comes back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { submitIdea } from "~/domain/ideas/ideas.server";
import * as ideaRoute from "~/routes/ideas.$id";
import * as newIdea from "~/routes/ideas.new";
import * as verifyRoute from "~/routes/decisions.verify";
import * as searchRoute from "~/routes/search";
import * as receiptsRoute from "~/routes/receipts";
import * as resetRoute from "~/routes/reset-password";
import * as censusRoute from "~/routes/admin.census";
import * as voteRoute from "~/routes/votes.$id";
import * as basketRoute from "~/routes/budgets.$id_.vote";
import * as budgetResultsRoute from "~/routes/budgets.$id_.results";
import * as importRoute from "~/routes/budgets.import";
import { budgetIn } from "./fuzz/budget-world";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { importPeople, makeVote, people, verifiedResident } from "../support/voting";

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Every string in what a loader or action hands to the page. */
const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]) : []);
const expectClean = (data: unknown) => {
  const bad = strings(data).filter((s) => CONTROLS.test(s));
  expect(bad, "strings with control characters").toEqual([]);
};

let council: { id: number; slug: string };
let resident: string;
let admin: string;
let ideaId: number;

beforeAll(async () => {
  emptyTown("Échoville");
  council = makeCouncil("Quartier de l'écho");
  const r = await makeUser({ name: "Rosa" });
  resident = await sessionCookieFor(r.userId);
  admin = await sessionCookieFor((await makeUser({ name: "Adèle", roles: [{ role: "admin", councilId: null }] })).userId);
  ideaId = submitIdea(r, { title: "Un banc sous le tilleul", body: "Un banc à l'ombre du tilleul, pour se reposer en rentrant du marché.", theme: "public_space", councilId: council.id, place: "" }).id;
});

describe("a refused form gives back what was typed, without control characters", () => {
  it("in its typed values", async () => {
    const res = await run(newIdea.action, formRequest("/ideas/new", { title: "Un\u0000 banc\u001b[31m", body: "court\u0000", theme: "culture", councilId: String(council.id), place: "a\u0007b" }, { cookie: resident }));
    expect(res.status).toBe(400);
    expect(res.data.initialValue.title).toBe("Un banc[31m");
    expectClean(res.data);
  });

  it("in its messages, which are translation keys and never quote the value", async () => {
    // zod's own message for a value outside a list was "Invalid enum value. Expected …, received 'a\0b'"
    const res = await run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, { intent: "report", target: "\u0001", subjectKind: "a\u0000b", subjectId: String(ideaId), reason: "Ce texte est hors sujet." }, { cookie: resident }), { id: String(ideaId) });
    expect(res.status).toBe(400);
    expect(res.data.reply.error.subjectKind).toEqual(["errors.choose"]);
    expect(res.data.target).toBe("");
    expectClean(res.data);
  });

  it("in a page's own reply (census import refused)", async () => {
    const res = await run(censusRoute.action, formRequest("/admin/census", { text: "reference;nom\u0000\nx\u0000;y", mode: "replace" }, { cookie: admin }));
    expect(res.status).toBe(400);
    expect(res.data.text).toBe("reference;nom\nx;y");
    expectClean(res.data);
  });

  it("in the choices of a ballot being reviewed", async () => {
    const official = await makeUser({ name: "Élu de l'écho", roles: [{ role: "official", councilId: council.id }] });
    const [p] = people(1, council.slug);
    await importPeople([p!]);
    const voter = await verifiedResident(p!);
    const vote = makeVote(official, { councilId: council.id }, new Date(Date.now() - 60_000));
    const cookie = await sessionCookieFor(voter.userId);
    for (const intent of ["change", "review"]) {
      const res = await run(voteRoute.action, formRequest(`/votes/${vote.id}`, [["intent", intent], ["choices", "yes\u0000"], ["choices", "\u0000no"]], { cookie }), { id: String(vote.id) });
      expect(res.status, intent).toBeLessThan(500);
      expectClean(res.data);
    }
  });
});

describe("a budget page's own replies give back what was typed without control characters", () => {
  it("the basket, the receipt code and a refused import", async () => {
    const official = await makeUser({ name: "Officielle du budget", roles: [{ role: "official", councilId: null }] });
    const other = makeCouncil("Quartier voisin");
    const b = budgetIn("results", { official, author: official, voters: [] }, { A: council.id, B: other.id }, "Budget de l'écho");
    const basket = await run(basketRoute.action, formRequest(`/budgets/${b.id}/vote`, [["choices", "1:\u0000x"], ["choices", `${b.envelopes.town}:1\u0007`]], { cookie: resident }), { id: String(b.id) });
    expect(basket.status).toBe(400);
    expect(basket.data.chosen).toEqual(["1:x", `${b.envelopes.town}:1`]);
    const share = await run(budgetResultsRoute.action, formRequest(`/budgets/${b.id}/results`, { intent: "share", code: "AB\u0000CD-EF\u001b" }), { id: String(b.id) });
    expect(share.status).toBeLessThan(500);
    expectClean(share.data);
    const refused = await run(importRoute.action, formRequest("/budgets/import", { title: "Un\u0000 budget", allocationRule: "greedy\u0000", source: "x", explanation: "court" }, { cookie: admin }));
    expect(refused.status).toBe(400);
    expect(refused.data.initialValue.title).toBe("Un budget");
    expectClean(refused.data);
  });
});

describe("text from a URL shown back on a page has no control characters", () => {
  const cases: [string, (args: never) => unknown, string][] = [
    ["search", searchRoute.loader as never, "/search?q=banc%00%1B&council=a%00b"],
    ["register verification", verifyRoute.loader as never, "/decisions/verify?head=1%3Aab%00cd"],
    ["receipt", receiptsRoute.loader as never, "/receipts?code=AB%00CD-%07EF"],
    ["password reset link", resetRoute.loader as never, "/reset-password?token=abc%00def"],
  ];
  for (const [what, loader, path] of cases) {
    it(what, async () => {
      const res = await run(loader as never, getRequest(path));
      expect(res.status).toBeLessThan(500);
      expectClean(res.data);
    });
  }
});

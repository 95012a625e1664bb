/**
 * Proposal votes in the browser, with JavaScript on and off (the js and no-js projects):
 * a verified resident votes through the review step and checks the receipt; a facilitator
 * lets a census resident without an account vote at the desk; that resident, once
 * verified online, cannot vote again; after the close the count is published and the
 * results page, the receipt and the public board agree. Then the vote pages' looks and
 * accessibility in both languages (audit, once). All people, councils and votes are the
 * test's own.
 */
import { createHash } from "node:crypto";
import { AUDIT, expect, signIn, test, visit, type Page } from "./fixtures";
import { expectNoAxeViolations, screenshot } from "./helpers";
import { actor, addToCensus, makeCouncil, makeUser, openVoteClosingSoon, uniq, verifiedResident } from "./support/data";
import { castOnline } from "~/domain/ballot-box/cast.server";
import { countVote } from "~/domain/votes/votes.server";

async function chooseAndConfirm(page: Page, answer: "Oui" | "Non") {
  await page.getByRole("button", { name: "Vérifier mon choix" }).click();
  await expect(page.locator(".field-errors")).toContainText("Choisissez une réponse avant de continuer");
  await page.getByLabel(answer, { exact: true }).check();
  await page.getByRole("button", { name: "Vérifier mon choix" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre vote" })).toBeVisible();
  await expect(page.locator(".review-choices")).toHaveText(answer);
  await page.getByRole("button", { name: "Confirmer mon vote" }).click();
  await expect(page.getByRole("heading", { name: "Votre vote est enregistré" })).toBeVisible();
  return ((await page.locator(".receipt-code code").textContent()) ?? "").trim();
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("vote, desk, one vote per person, count, receipt and board", async ({ page, openPage }) => {
    test.setTimeout(240_000);
    const tag = uniq(4);
    const council = await makeCouncil({ name: `Le Faubourg ${tag}` });
    const official = await makeUser({ roles: [{ role: "official", council: null }] });
    const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
    const [alice, bruno] = await addToCensus(council, 2);
    const resident = await verifiedResident(alice!);
    const question = `Faut-il une fontaine place du Faubourg ? (${tag})`;
    const vote = openVoteClosingSoon(official, council, 100, question);

    // 1. a verified resident votes, with a review step, and gets a receipt
    await signIn(page, resident);
    await visit(page, `/votes/${vote.id}`);
    await expect(page.locator("h1")).toHaveText(question);
    const code = await chooseAndConfirm(page, "Oui");
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await visit(page, `/receipts?code=${encodeURIComponent(code)}`);
    await expect(page.locator(".receipt-result")).toContainText("Votre bulletin est dans l'urne");
    await visit(page, `/votes/${vote.id}`);
    await expect(page.getByText("Vous avez déjà voté à ce scrutin")).toBeVisible();

    // 2. at the desk: a census resident without an account votes on the desk's screen
    const desk = await openPage({ user: facilitator });
    await visit(desk, `/votes/${vote.id}/desk`);
    await desk.getByLabel("Nom de la personne").fill(bruno!.familyName);
    await desk.getByRole("button", { name: "Rechercher" }).click();
    await desk.getByRole("row", { name: new RegExp(bruno!.familyName) }).getByRole("link", { name: /Vérifier l.identité/ }).click();
    await expect(desk.getByRole("heading", { name: bruno!.name })).toBeVisible();
    const deskCode = await chooseAndConfirm(desk, "Non");
    expect(deskCode).not.toBe(code);

    // 3. the same person, verified online later, cannot vote again
    const late = await verifiedResident(bruno!);
    const latePage = await openPage({ user: late });
    await visit(latePage, `/votes/${vote.id}`);
    await expect(latePage.getByText("Vous avez déjà voté à ce scrutin")).toBeVisible();
    await expect(latePage.getByRole("button", { name: "Vérifier mon choix" })).toHaveCount(0);
    expect(() => castOnline(actor(late), [{ boxId: vote.boxId, choices: ["yes"] }])).toThrow(/alreadyVoted/);
    // and the desk shows them as having voted
    await visit(desk, `/votes/${vote.id}/desk?q=${encodeURIComponent(bruno!.familyName)}`);
    await expect(desk.getByRole("row", { name: new RegExp(bruno!.familyName) })).toContainText("A déjà voté");

    // 4. after the close, the count is published
    await page.waitForTimeout(Math.max(0, vote.closesAt - Date.now()) + 1_000);
    await visit(desk, `/votes/${vote.id}/count`);
    await desk.getByRole("button", { name: "Publier le résultat au registre" }).click();
    await expect(desk.getByRole("heading", { name: "Résultats" })).toBeVisible();
    const yes = desk.locator(".result-bar", { hasText: "Oui" });
    const no = desk.locator(".result-bar", { hasText: "Non" });
    await expect(yes).toContainText("1 voix");
    await expect(no).toContainText("1 voix");
    await expect(desk.getByText("Chaque bulletin correspond à une participation")).toBeVisible();

    // 5. the receipt now shows the counted ballot, and the board agrees with the page
    await visit(page, `/receipts?code=${encodeURIComponent(code.toLowerCase())}`);
    await expect(page.locator(".receipt-result")).toContainText("Votre bulletin a été compté");
    await expect(page.locator(".receipt-result")).toContainText("Votre choix : Oui");
    const board = (await (await page.request.get(`/open-data/vote-${vote.id}-board.json`)).json()) as { ballots: { id: string; choices: string[] }[]; tally: { id: string; count: number }[] };
    expect(board.ballots).toHaveLength(2);
    const mine = createHash("sha256").update(`${code}:${vote.boxId}`).digest("hex");
    expect(board.ballots.find((b) => b.id === mine)?.choices).toEqual(["yes"]);
    const recount = (id: string) => board.ballots.filter((b) => b.choices.includes(id)).length;
    expect(board.tally).toEqual([
      { id: "yes", count: recount("yes") },
      { id: "no", count: recount("no") },
      { id: "abstain", count: recount("abstain") },
    ]);
    expect([recount("yes"), recount("no")]).toEqual([1, 1]);
  });
});

test("vote pages look finished and pass axe, in French and English", AUDIT, async ({ openPage }) => {
  test.setTimeout(120_000);
  const tag = uniq(4);
  const council = await makeCouncil({ name: `Les Écluses ${tag}` });
  const official = await makeUser({ roles: [{ role: "official", council: null }] });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
  const people = await addToCensus(council, 3);
  const voters = await Promise.all(people.map(verifiedResident));
  // a vote that closes in a few seconds, with three ballots, then counted
  const closed = openVoteClosingSoon(official, council, 6, `Faut-il éclairer le chemin de halage ? (${tag})`);
  voters.forEach((v, i) => castOnline(actor(v), [{ boxId: closed.boxId, choices: [i < 2 ? "yes" : "no"] }]));
  await new Promise((r) => setTimeout(r, Math.max(0, closed.closesAt - Date.now()) + 500));
  countVote(actor(facilitator), closed.id, {});
  // an open vote for the ballot, the review and the receipt
  const open = openVoteClosingSoon(official, council, 3600, `Quel nom pour la passerelle ? (${tag})`);
  const [fresh] = await addToCensus(council, 1);
  const voter = await verifiedResident(fresh!);

  for (const [locale, width] of [["fr-FR", 360], ["fr-FR", 1280], ["en-GB", 360]] as const) {
    const page = await openPage({ user: voter, locale, viewport: { width, height: 900 } });
    const suffix = `${locale.slice(0, 2)}-${width}`;
    await visit(page, `/votes/${open.id}`);
    await expectNoAxeViolations(page);
    await screenshot(page, `vote-ballot-${suffix}`);
    await page.getByLabel(locale === "en-GB" ? "Yes" : "Oui", { exact: true }).check();
    await page.getByRole("button", { name: locale === "en-GB" ? "Check my choice" : "Vérifier mon choix" }).click();
    await expect(page.locator(".review")).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `vote-review-${suffix}`);
    await visit(page, `/votes/${closed.id}`);
    await expect(page.locator("#results")).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `vote-results-${suffix}`);
    await visit(page, "/votes");
    await expectNoAxeViolations(page);
    await visit(page, "/receipts");
    await expectNoAxeViolations(page);
    await visit(page, "/account/residency");
    await expectNoAxeViolations(page);
  }
  // the receipt (shown once): cast by a new voter
  const [last] = await addToCensus(council, 1);
  const lastVoter = await verifiedResident(last!);
  for (const width of [360, 1280]) {
    const page = await openPage({ user: width === 360 ? lastVoter : voter, viewport: { width, height: 900 } });
    await visit(page, `/votes/${open.id}`);
    if (await page.getByRole("button", { name: "Vérifier mon choix" }).count()) {
      await page.getByLabel("Non", { exact: true }).check();
      await page.getByRole("button", { name: "Vérifier mon choix" }).click();
      await page.getByRole("button", { name: "Confirmer mon vote" }).click();
      await expect(page.locator(".receipt-code")).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, `vote-receipt-fr-${width}`);
    }
  }
  // staff pages: the desk and the census
  const staff = await openPage({ user: facilitator });
  await visit(staff, `/votes/${open.id}/desk?q=${encodeURIComponent(people[0]!.familyName)}`);
  await expectNoAxeViolations(staff);
  await screenshot(staff, "vote-desk-fr-360");
});

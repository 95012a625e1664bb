/** An official publishes a decision and a rulebook version, with and without JavaScript; visitors read them. */
import { expect, test, visit } from "./fixtures";
import { makeCouncil, makeRulebook, makeUser, minExplanationLength, uniq } from "./support/data";

const WHY =
  "Après la réunion publique du 12 novembre, le conseil retient l'installation de six bancs place du Marché : quatre à l'ombre des platanes, deux près de l'arrêt de bus, pour les personnes âgées qui attendent.";

test("an official publishes a council decision; a too-short explanation is refused first", async ({ page, openPage }) => {
  const council = await makeCouncil({ name: `Centre ${uniq(4)}` });
  const official = await makeUser({ name: `Sophie Laurent ${uniq(4)}`, roles: [{ role: "official", council }] });
  const min = minExplanationLength();
  expect(WHY.length, "the explanation below must meet the rules in force").toBeGreaterThanOrEqual(min);

  const o = await openPage({ user: official });
  await visit(o, "/decisions/new");
  await o.getByLabel("Périmètre").selectOption({ label: council.name });
  await o.getByLabel("Objet de la décision").fill("Bancs place du Marché");
  await o.getByLabel("Décision", { exact: true }).selectOption("adopted");
  await o.getByLabel("Explication").fill("Parce que.");
  await o.getByRole("button", { name: "Publier au registre" }).click();
  await expect(o.locator("#decision-explanation-error")).toContainText(`L'explication est trop courte : 10 caractères, le cadre en demande au moins ${min}.`);
  await expect(o.getByLabel("Objet de la décision")).toHaveValue("Bancs place du Marché");
  await expect(o.getByLabel("Explication")).toHaveValue("Parce que.");

  await o.getByLabel("Explication").fill(WHY);
  await o.getByRole("button", { name: "Publier au registre" }).click();
  await expect(o.locator("h1")).toHaveText("Bancs place du Marché");
  await expect(o.getByText("Adoptée")).toBeVisible();
  await expect(o.getByText("quatre à l'ombre des platanes")).toBeVisible();
  const url = o.url();

  // visitors see it in the register and in the council's page, and the chain still verifies
  await visit(page, `/decisions?council=${council.slug}`);
  await expect(page.getByRole("link", { name: "Bancs place du Marché" })).toBeVisible();
  await visit(page, `/councils/${council.slug}`);
  await expect(page.getByRole("link", { name: "Bancs place du Marché" })).toBeVisible();
  await visit(page, "/decisions/verify");
  await expect(page.getByRole("status")).toContainText("Registre intact");
  await visit(page, url);
  await expect(page.getByText(`${official.name} — Élu·e ou service`)).toBeVisible();
});

test("an official publishes a new rulebook version and the diff shows the change", async ({ page, openPage }) => {
  const official = await makeUser({ roles: [{ role: "official", council: null }] });
  // A rulebook of its own (30 days), so the town's rules other tests run under stay as they are.
  const book = await makeRulebook(official, { title: `Charte du quartier ${uniq(4)}`, answerDelayDays: 30 });
  const scope = encodeURIComponent(book.scope);
  const o = await openPage({ user: official });
  await visit(o, `/rules/new?scope=${scope}`);
  await expect(o.getByLabel("Délai de réponse aux idées")).toHaveValue("30");
  await o.getByLabel("Délai de réponse aux idées").fill("21");
  const why =
    "Les services répondent désormais en 15 jours en moyenne : le délai promis aux habitants peut passer de 30 à 21 jours, comme le demandait le conseil de quartier des Coteaux en octobre.";
  expect(why.length, "the explanation must meet the rules in force").toBeGreaterThanOrEqual(minExplanationLength(book.scope));
  await o.getByLabel("Pourquoi ce changement ?").fill(why);
  await o.getByRole("button", { name: "Publier la nouvelle version" }).click();
  await expect(o.locator("h1")).toHaveText(book.title);
  await expect(o.getByText("C'est la version en vigueur.")).toBeVisible();

  await visit(page, `/rules?scope=${scope}`);
  await expect(page.getByText("21 jours")).toBeVisible();
  await page.getByRole("link", { name: `changements depuis ${book.scope} v${book.number}` }).click();
  await expect(page.locator("del", { hasText: "30 jours" })).toBeVisible();
  await expect(page.locator("ins", { hasText: "21 jours" })).toBeVisible();
});

test("the feed is linked and served as Atom", async ({ page, request }) => {
  await visit(page, "/decisions");
  await expect(page.getByRole("link", { name: "S'abonner (flux Atom)" })).toBeVisible();
  const res = await request.get("/decisions.atom");
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  expect(await res.text()).toContain("<feed");
});

/**
 * The ideas journey: a resident submits an idea, another argues against it, a third
 * supports it, a facilitator answers "accepted" with an explanation; the answer and its
 * register entry show. Runs with and without JavaScript, on a phone-sized screen.
 */
import { AUDIT, expect, settle, test, visit, type Page } from "./fixtures";
import { expectNoAxeViolations, logIn, screenshot, signUpVerified } from "./helpers";
import { comment, explanation, hideComment, makeCouncil, makeIdea, makeUser, support, uniq, type Council, type TestUser } from "./support/data";

const ANSWER =
  "Le service des espaces verts a validé l'emplacement au pied du kiosque : la boîte à livres sera posée en mars, fabriquée par l'atelier bois du centre social. Les arguments sur l'humidité ont été pris en compte : elle sera fermée et ventilée.";

async function signUp(page: Page, name: string, email: string) {
  await signUpVerified(page, name, email);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("idea journey", async ({ openPage }) => {
    const tag = uniq();
    const council = await makeCouncil();
    const facilitator = await makeUser({ name: `Karima Benoît ${tag}`, roles: [{ role: "facilitator", council }] });
    const title = `Boîte à livres au kiosque (${tag})`;

    // 1. a resident submits an idea; bad input first
    const a = await openPage();
    await signUp(a, "Inès Moreau", `ines.${tag}@exemple.fr`);
    await visit(a, "/ideas/new");
    await a.getByLabel("Titre").fill(title);
    await a.getByLabel("Votre idée").fill("Court");
    await a.getByLabel("Thème").selectOption("culture");
    await a.getByLabel("Quartier").selectOption({ label: council.name });
    await a.getByRole("button", { name: "Publier mon idée" }).click();
    await expect(a.getByText("Ce texte est trop court (au moins 20 caractères).")).toBeVisible();
    await expect(a.getByLabel("Titre")).toHaveValue(title);
    await a.getByLabel("Votre idée").fill("Une boîte à livres au pied du kiosque, pour échanger des livres entre voisins.");
    await a.getByRole("button", { name: "Publier mon idée" }).click();
    await expect(a.locator("h1")).toHaveText(title);
    await expect(a.getByText("Votre idée est publiée")).toBeVisible();
    const url = a.url().replace(/\?.*$/, "");

    // 2. another resident argues against it
    const b = await openPage();
    await signUp(b, "Hugo Lefort", `hugo.${tag}@exemple.fr`);
    await visit(b, url);
    await b.getByLabel("Je suis contre").check();
    await b.getByLabel("Votre message").fill("Avec l'humidité du kiosque, les livres vont s'abîmer en un hiver.");
    await b.getByRole("button", { name: "Publier mon avis" }).click();
    await expect(b.locator(".argument-against")).toContainText("les livres vont s'abîmer");

    // 3. a third supports it
    const c = await openPage();
    await signUp(c, "Zoé Garcia", `zoe.${tag}@exemple.fr`);
    await visit(c, url);
    await c.getByRole("button", { name: "Je soutiens" }).click();
    await expect(c.locator(".support-card .big-number")).toContainText("1");
    await expect(c.getByRole("button", { name: "Retirer mon soutien" })).toBeVisible();

    // 4. the council's facilitator answers "accepted", weighing the argument against
    const f = await openPage({ user: facilitator });
    await visit(f, url);
    await f.getByLabel("Réponse", { exact: true }).selectOption("accepted");
    await f.getByLabel("Explication écrite").fill("Oui.");
    await f.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(f.getByText(/L'explication est trop courte/)).toBeVisible();
    await expect(f.getByLabel("Explication écrite")).toHaveValue("Oui.");
    await f.getByLabel("Explication écrite").fill(ANSWER);
    await f.locator(".cite-choice input[type=checkbox]").first().check();
    await f.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(f.locator(".idea-main .badges")).toContainText("Acceptée");

    // 5. everyone sees the answer and its register entry
    await visit(a, url);
    await expect(a.locator(".idea-main .badges")).toContainText("Acceptée");
    const answer = a.locator("#answers .answer").first();
    await expect(answer).toContainText(`${facilitator.name}, Animateur·rice`);
    await expect(answer).toContainText("atelier bois du centre social");
    await expect(answer).toContainText("Argument contre");
    await expect(a.getByText(/dans le délai promis/)).toBeVisible();
    await answer.getByRole("link", { name: /registre des arbitrages/ }).click();
    await expect(a.locator("h1")).toHaveText(title);
    await expect(a.getByText("Réponse à une idée").first()).toBeVisible();
    // the author was notified
    await visit(a, "/account/notifications");
    await expect(a.getByText(`Nouvelle réponse sur « ${title} »`)).toBeVisible();
    await visit(a, url);
    await expectNoAxeViolations(a);
  });
});

/** A council with a few lived-in ideas: supported, discussed, overdue. */
async function ideasOf(): Promise<{ council: Council; people: TestUser[]; word: string }> {
  const council = await makeCouncil({ name: `Les Jardins ${uniq(4)}` });
  const people = [
    await makeUser({ name: "Nadia Rahmani" }),
    await makeUser({ name: "Paul Mercier" }),
    await makeUser({ name: "Léa Fontaine" }),
  ];
  const word = `composteur${uniq(4)}`;
  const compost = makeIdea(people[0]!, {
    title: "Un composteur partagé au square des Tilleuls",
    body: `Beaucoup d'immeubles n'ont pas de jardin. Un ${word} partagé au square des Tilleuls, géré avec l'association de quartier, réduirait les déchets et créerait du lien.`,
    council,
    theme: "environment",
    place: "Square des Tilleuls",
  }).id;
  for (const p of people.slice(1)) support(p, compost);
  comment(people[1]!, compost, "Excellente idée : à la Croix-Rousse ça marche très bien depuis trois ans.", "for");
  comment(people[2]!, compost, "Attention aux odeurs l'été, il faudrait un référent pour le retourner.", "against");
  makeIdea(people[1]!, {
    title: "Éclairer le passage sous la voie ferrée",
    body: "Le passage piéton sous la voie ferrée est très sombre le soir ; des lampes à détection rassureraient tout le monde.",
    council,
    theme: "safety",
  });
  makeIdea(people[2]!, {
    title: "Une fontaine à eau près du terrain de sport",
    body: "L'été, les enfants qui jouent au terrain de sport n'ont pas d'eau potable à moins de dix minutes.",
    council,
    theme: "sport",
    daysAgo: 400,
  });
  return { council, people, word };
}

test("idea list and idea page look finished and are accessible in both languages", AUDIT, async ({ openPage }) => {
  const { council, word } = await ideasOf();
  for (const locale of ["fr-FR", "en-GB"]) {
    const lang = locale.slice(0, 2);
    const page = await openPage({ locale, viewport: { width: 1280, height: 900 } });
    await visit(page, "/ideas");
    await expectNoAxeViolations(page);
    await screenshot(page, `ideas-${lang}`);
    await visit(page, `/ideas?council=${council.slug}`);
    await screenshot(page, `ideas-council-${lang}`);
    await visit(page, `/ideas?sort=supported&council=${council.slug}`);
    await page.locator(".idea-card a").first().click();
    await expect(page.locator("h1")).toHaveText("Un composteur partagé au square des Tilleuls");
    await settleAfterClick(page);
    await expectNoAxeViolations(page);
    await screenshot(page, `idea-${lang}`);
    await visit(page, `/ideas?overdue=1&council=${council.slug}`);
    await expect(page.locator(".idea-card")).toHaveCount(1);
    await expect(page.locator(".idea-card").first()).toContainText(lang === "fr" ? "Réponse en retard" : "Answer overdue");
    await visit(page, `/search?q=${word}`);
    await expect(page.locator(".search-hit").first()).toContainText("composteur");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 780 });
    await visit(page, `/ideas?council=${council.slug}`);
    await screenshot(page, `ideas-${lang}-mobile`);
    await visit(page, `/ideas?sort=discussed&council=${council.slug}`);
    await page.locator(".idea-card a").first().click();
    await expect(page.locator("h1")).toHaveText("Un composteur partagé au square des Tilleuls");
    await settleAfterClick(page);
    await screenshot(page, `idea-${lang}-mobile`);
  }
});

/** After a click on a link: with JavaScript the router navigates without a page load. */
async function settleAfterClick(page: Page) {
  await page.waitForLoadState();
  await settle(page);
}

test("médiation: a facilitator records an idea for a resident; staff pages are accessible", async ({ page, openPage }) => {
  const council = await makeCouncil();
  const facilitator = await makeUser({ name: `Karim Benaissa ${uniq(4)}`, roles: [{ role: "facilitator", council }] });
  const f = await openPage({ user: facilitator });
  await visit(f, "/ideas/new?onBehalf=1");
  await expectNoAxeViolations(f);
  await f.getByLabel("Nom de la personne").fill("Mme Rose Vidal");
  await f.getByLabel("Comment l'idée est arrivée").selectOption("assisted");
  await f.getByLabel("Titre").fill("Un banc devant la poste");
  await f.getByLabel("Votre idée").fill("Mme Vidal, 84 ans, attend debout l'ouverture du bureau de poste chaque matin.");
  await f.getByLabel("Thème").selectOption("public_space");
  await f.getByLabel("Quartier").selectOption({ label: council.name });
  await f.getByRole("button", { name: "Publier l'idée" }).click();
  await expect(f.getByText("Cochez la case : la personne doit avoir donné son accord.")).toBeVisible();
  await expect(f.getByLabel("Nom de la personne")).toHaveValue("Mme Rose Vidal");
  await f.getByLabel("La personne est d'accord pour que son idée et son nom soient publiés.").check();
  await f.getByRole("button", { name: "Publier l'idée" }).click();
  await expect(f.locator("h1")).toHaveText("Un banc devant la poste");
  await expect(f.getByText(new RegExp(`Proposée par Mme Rose Vidal .* Avec l'aide d'un·e animateur·rice \\(${facilitator.name}\\)`))).toBeVisible();
  await expect(f.getByRole("heading", { name: "Répondre" })).toBeVisible();
  const ideaUrl = f.url();
  await expectNoAxeViolations(f);
  await screenshot(f, "idea-staff-fr");
  await visit(f, "/moderation");
  await expectNoAxeViolations(f);
  await visit(f, "/account/notifications");
  await expectNoAxeViolations(f);
  // a visitor sees the same idea, without the staff tools
  await visit(page, ideaUrl);
  await expect(page.locator("h1")).toHaveText("Un banc devant la poste");
  await expect(page.getByRole("heading", { name: "Répondre" })).toHaveCount(0);
});

test("a hidden comment is replaced by its notice", async ({ page }) => {
  const council = await makeCouncil();
  const facilitator = await makeUser({ name: `Modératrice ${uniq(4)}`, roles: [{ role: "facilitator", council }] });
  const author = await makeUser();
  const idea = makeIdea(author, { title: "Des toilettes publiques au parc", council }).id;
  const c = comment(author, idea, "Un message sans rapport avec l'idée, qui sera masqué.");
  hideComment(facilitator, c.id, explanation("Ce commentaire ne parle pas de l'idée : il est masqué."));
  await visit(page, `/decisions?kind=moderation&council=${council.slug}`);
  await page.locator(".decision-item a").first().click();
  await page.locator(".side a", { hasText: /Commentaire n°/ }).first().click();
  await expect(page.locator(".hidden-notice").first()).toContainText(`Commentaire masqué par ${facilitator.name}`);
  await expect(page.getByText("Un message sans rapport avec l'idée")).toHaveCount(0);
});

test("on a phone the list filters come first, folded, and work; on a wide screen they show open", async ({ page }) => {
  const council = await makeCouncil({ name: `Les Vergers ${uniq(4)}` });
  const author = await makeUser();
  makeIdea(author, { title: "Des pommiers dans la cour de l'école", council, theme: "environment" });
  makeIdea(author, { title: "Un passage piéton devant la boulangerie", council, theme: "mobility" });
  for (const [path, first] of [["/ideas", ".idea-card"], ["/decisions", ".decision-item"]] as const) {
    await page.setViewportSize({ width: 360, height: 780 });
    await visit(page, path);
    const fold = page.locator("details.filters-fold");
    const summary = fold.locator("summary");
    await expect(summary).toBeVisible();
    await expect(fold).not.toHaveAttribute("open");
    await expect(fold.getByLabel("Conseil")).toBeHidden();
    // before the list, and near the top of the page
    const top = (await summary.boundingBox())!.y;
    expect(top, `${path}: the filters are above the list`).toBeLessThan((await page.locator(first).first().boundingBox())!.y);
    expect(top, `${path}: the filters are on the first screens`).toBeLessThan(1200);
    if (path === "/ideas") {
      await summary.click();
      await fold.getByLabel("Conseil").selectOption({ label: council.name });
      await fold.getByLabel("Thème").selectOption("mobility");
      await fold.getByRole("button", { name: "Appliquer les filtres" }).click();
      await expect(page.locator(".idea-card")).toHaveCount(1);
      await expect(page.locator(".idea-card")).toContainText("Un passage piéton devant la boulangerie");
      await expect(page.locator("details.filters-fold summary")).toContainText("2 actifs");
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, path);
    await expect(page.locator("details.filters-fold").getByLabel("Conseil")).toBeVisible();
    await expect(page.locator("details.filters-fold summary")).toBeHidden();
  }
});

test("under a comment, a resident replies and reports; an empty reply is refused and the form stays open", async ({ page }) => {
  const council = await makeCouncil();
  const author = await makeUser();
  const other = await makeUser({ name: `Voisine ${uniq(4)}` });
  const idea = makeIdea(author, { title: `Un banc sous le tilleul ${uniq(4)}`, council }).id;
  const first = comment(author, idea, "Il faudrait aussi une poubelle à côté du banc.");
  comment(author, idea, "Et un peu d'ombre l'été, si possible.");
  await logIn(page, other);
  await visit(page, `/ideas/${idea}`);
  const item = page.locator(`#comment-${first.id}`).locator("xpath=..");
  // reply: empty first (refused, form open), then a real reply
  await item.getByText("Répondre", { exact: true }).click();
  await item.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(item.getByText("Ce champ est obligatoire.")).toBeVisible();
  await item.getByLabel("Votre réponse").fill("Bonne idée, la poubelle éviterait les déchets au sol.");
  await item.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(page.locator(".comment-body", { hasText: "Bonne idée, la poubelle éviterait les déchets au sol." })).toBeVisible();
  // report the other comment: too short, then sent
  const second = page.locator(".comment", { hasText: "Et un peu d'ombre" });
  await second.getByText("Signaler").click();
  await second.getByLabel("Pourquoi signalez-vous ce contenu ?").fill("hm");
  await second.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(second.getByLabel("Pourquoi signalez-vous ce contenu ?")).toHaveValue("hm");
  await expect(second.locator(".field-error, [id$='-error']").first()).toBeVisible();
  await second.getByLabel("Pourquoi signalez-vous ce contenu ?").fill("Ce message n'a rien à voir avec le banc.");
  await second.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByText("Merci : votre signalement a été transmis aux animateurs du quartier.")).toBeVisible();
});

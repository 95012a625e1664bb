/**
 * A resident's journey, with JavaScript on and off, every email read from the SMTP server
 * the site delivered it to (scripts/dev/smtp-sink.mjs, started by playwright.config.ts):
 * 1. sign up; 2. verify by the emailed link; 3. follow a council; 4. receive the email when
 * its minutes are published; 5. reset the password; 6. delete the account.
 * Self-contained: imports only @playwright/test and ./helpers (waitForMail reads the sink).
 */
import { expect, test, type Page } from "@playwright/test";
import { linkIn, logIn, waitForMail } from "./helpers";

const COUNCIL = "les-tanneries"; // the demo facilitator's council (as in meetings.spec.ts)
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function publishMinutes(page: Page, title: string) {
  await logIn(page, "facilitator");
  await page.goto(`/meetings/new?council=${COUNCIL}`);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Début").fill(`${yesterday()}T18:00`);
  await page.getByLabel("Fin").fill(`${yesterday()}T20:00`);
  await page.getByLabel("Lieu", { exact: true }).fill("Maison de quartier");
  await page.getByRole("button", { name: "Programmer la réunion" }).click();
  await expect(page.locator("h1")).toHaveText(title);
  await page.getByRole("button", { name: "Enregistrer la réunion comme tenue" }).click();
  await expect(page.locator("h1")).toHaveText("Publier le compte rendu");
  await page.getByLabel("Compte rendu", { exact: true }).fill("Le conseil a choisi l'emplacement des nouveaux bancs et la date de la fête de quartier.");
  await page.getByLabel("Nombre de personnes présentes").fill("17");
  await page.getByRole("button", { name: "Publier le compte rendu" }).click();
  await expect(page.getByText("la date de la fête de quartier")).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test(`sign up, verify, follow, get the minutes, reset, delete (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const resident = await (await browser.newContext({ javaScriptEnabled, locale: "fr-FR" })).newPage();
    const email = `journee-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@exemple.fr`;
    const first = "cerf-volant-bruyere-1789";
    const second = "lanterne-ocre-pelican-42";

    // 1. sign up: the page never says whether the address had an account
    await resident.goto("/signup");
    await resident.locator("input[name=displayName]").fill("Inès Journée");
    await resident.locator("input[name=email]").fill(email);
    await resident.locator("input[name=password]").fill("password12");
    await resident.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(resident.locator("#signup-password-error")).toContainText("trop facile à deviner");
    await resident.locator("input[name=password]").fill(first);
    await resident.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(resident.locator("h1")).toHaveText("Consultez votre messagerie");

    // 2. verify by the link received over SMTP
    const welcome = await waitForMail(email, "Confirmez votre adresse — Montclair-sur-Ardonne");
    await resident.goto(linkIn(welcome.text!, "/verify-email?token="));
    await resident.getByRole("button", { name: "Confirmer mon adresse" }).click();
    await expect(resident.getByText("Adresse confirmée")).toBeVisible();

    // 3. follow a council
    await resident.goto(`/councils/${COUNCIL}`);
    await resident.getByRole("button", { name: "Suivre ce conseil" }).click();
    await expect(resident.getByRole("button", { name: "Ne plus suivre ce conseil" })).toBeVisible();

    // 4. its minutes are published: the email arrives
    const title = `Conseil de quartier ${javaScriptEnabled ? "A" : "B"} ${Date.now()}`;
    const staff = await (await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" })).newPage();
    await publishMinutes(staff, title);
    const minutes = await waitForMail(email, `Compte rendu publié : « ${title} »`);
    expect(minutes.text).toContain("Bonjour Inès Journée,");
    expect(minutes.html).toContain("/meetings/");
    expect(String(minutes.headers.get("list") ? "ok" : minutes.text)).toBeTruthy();

    // 5. reset the password (logged out)
    await resident.goto("/account");
    await resident.getByRole("main").getByRole("button", { name: "Se déconnecter" }).click();
    await resident.goto("/login");
    await resident.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await expect(resident.locator("h1")).toHaveText("Mot de passe oublié");
    // with JavaScript, type once the page is live (text typed while it hydrates can be lost)
    await resident.waitForLoadState("networkidle");
    await resident.locator("input[name=email]").fill(email);
    await resident.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(resident.locator("h1")).toHaveText("Consultez votre messagerie");
    const reset = await waitForMail(email, "Choisir un nouveau mot de passe — Montclair-sur-Ardonne");
    await resident.goto(linkIn(reset.text!, "/reset-password?token="));
    await resident.locator("input[name=password]").fill(second);
    await resident.getByRole("button", { name: "Enregistrer et me connecter" }).click();
    await expect(resident.getByText("Nouveau mot de passe enregistré")).toBeVisible();

    // 6. delete the account
    await resident.goto("/account/data");
    await resident.getByLabel("Mot de passe actuel").fill(second);
    await resident.getByLabel("Je comprends que mon compte sera supprimé définitivement.").check();
    await resident.getByRole("button", { name: "Supprimer mon compte" }).click();
    await expect(resident.getByText("Votre compte est supprimé")).toBeVisible();
    await resident.goto("/login");
    await resident.locator("input[name=email]").fill(email);
    await resident.locator("input[name=password]").fill(second);
    await resident.getByRole("button", { name: "Se connecter" }).click();
    await expect(resident.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect");
  });
}

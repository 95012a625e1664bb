/**
 * A resident's journey, with JavaScript on and off (the js and no-js projects), every email
 * read from the SMTP server the site delivered it to (scripts/dev/smtp-sink.mjs, started by
 * playwright.config.ts): 1. sign up; 2. verify by the emailed link; 3. follow a council;
 * 4. receive the email when its minutes are published; 5. reset the password; 6. delete the
 * account. The council and its facilitator are the test's own.
 */
import { expect, test, visit } from "./fixtures";
import { linkIn, waitForMail } from "./helpers";
import { makeCouncil, makeMeeting, makeUser, uniq } from "./support/data";

test("sign up, verify, follow, get the minutes, reset, delete", async ({ page: resident }) => {
  test.setTimeout(120_000);
  const tag = uniq();
  const council = await makeCouncil({ name: `Les Peupliers ${tag}` });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
  const email = `journee-${tag}@exemple.fr`;
  const first = "cerf-volant-bruyere-1789";
  const second = "lanterne-ocre-pelican-42";

  // 1. sign up: the page never says whether the address had an account
  await visit(resident, "/signup");
  await resident.locator("input[name=displayName]").fill("Inès Journée");
  await resident.locator("input[name=email]").fill(email);
  await resident.locator("input[name=password]").fill("password12");
  await resident.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(resident.locator("#signup-password-error")).toContainText("trop facile à deviner");
  await resident.locator("input[name=password]").fill(first);
  await resident.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(resident.locator("h1")).toHaveText("Consultez votre messagerie");

  // 2. verify by the link received over SMTP
  const welcome = await waitForMail(email, /^Confirmez votre adresse/);
  await visit(resident, linkIn(welcome.text!, "/verify-email?token="));
  await resident.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(resident.getByText("Adresse confirmée")).toBeVisible();

  // 3. follow a council
  await visit(resident, `/councils/${council.slug}`);
  await resident.getByRole("button", { name: "Suivre ce conseil" }).click();
  await expect(resident.getByRole("button", { name: "Ne plus suivre ce conseil" })).toBeVisible();

  // 4. its minutes are published (by the council's facilitator): the email arrives
  const title = `Conseil de quartier ${tag}`;
  makeMeeting(facilitator, council, { title, when: -1, held: true, minutes: [{ body: "Le conseil a choisi l'emplacement des nouveaux bancs et la date de la fête de quartier.", attendance: 17 }] });
  const minutes = await waitForMail(email, `Compte rendu publié : « ${title} »`);
  expect(minutes.text).toContain("Bonjour Inès Journée,");
  expect(minutes.html).toContain("/meetings/");
  expect(String(minutes.headers.get("list") ? "ok" : minutes.text)).toBeTruthy();

  // 5. reset the password (logged out)
  await visit(resident, "/account");
  await resident.getByRole("main").getByRole("button", { name: "Se déconnecter" }).click();
  // with JavaScript the logout is a fetch: wait for it, or /login still sees the session
  await expect(resident.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await visit(resident, "/login");
  await resident.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(resident.locator("h1")).toHaveText("Mot de passe oublié");
  await resident.locator("input[name=email]").fill(email);
  await resident.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(resident.locator("h1")).toHaveText("Consultez votre messagerie");
  const reset = await waitForMail(email, /^Choisir un nouveau mot de passe/);
  await visit(resident, linkIn(reset.text!, "/reset-password?token="));
  await resident.locator("input[name=password]").fill(second);
  await resident.getByRole("button", { name: "Enregistrer et me connecter" }).click();
  await expect(resident.getByText("Nouveau mot de passe enregistré")).toBeVisible();

  // 6. delete the account
  await visit(resident, "/account/data");
  await resident.getByLabel("Mot de passe actuel").fill(second);
  await resident.getByLabel("Je comprends que mon compte sera supprimé définitivement.").check();
  await resident.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(resident.getByText("Votre compte est supprimé")).toBeVisible();
  await visit(resident, "/login");
  await resident.locator("input[name=email]").fill(email);
  await resident.locator("input[name=password]").fill(second);
  await resident.getByRole("button", { name: "Se connecter" }).click();
  await expect(resident.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect");
});

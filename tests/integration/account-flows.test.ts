/**
 * Account flows end to end through the route modules, with emails delivered by the outbox
 * to a real SMTP server: verification, reset, change of email and password; tokens stored
 * hashed, single-use and short-lived; no account enumeration by message or by timing.
 */
import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { accountTokens, outboxMessages, sessions, users } from "#db/schema";
import { TOKEN_TTL_MS } from "~/domain/accounts/tokens.server";
import { verifyEmail } from "~/domain/accounts/users.server";
import { runOutboxOnce } from "~/domain/notifications/worker.server";
import * as confirmEmail from "~/routes/account.email.confirm";
import * as security from "~/routes/account.security";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset-password";
import * as signup from "~/routes/signup";
import * as verify from "~/routes/verify-email";
import { emptyTown, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { startSmtp } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const STRONG = "girafe-violette-cadastre-19";
let ipSeq = 0;
const ip = () => ({ ip: `198.18.${Math.floor(ipSeq / 200)}.${ipSeq++ % 200}` });

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "http://localhost:3999";
  emptyTown("Ville-Test");
});
afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
});

/** Delivers the outbox and returns the mails sent to `email` since `from`. */
async function mailsTo(email: string, from = 0) {
  await runOutboxOnce();
  return smtp.received.slice(from).filter((m) => m.to.includes(email));
}
function linkIn(text: string, path: string) {
  const m = new RegExp(`http://localhost:3999${path.replace("?", "\\?")}[^\\s]*`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return new URL(m[0]);
}
const tokenOf = (u: URL) => u.searchParams.get("token")!;

describe("sign-up and verification", () => {
  it("verifies by the emailed link (one button), which logs in; the token is stored hashed and works once", async () => {
    const email = "nouvelle@ville.fr";
    const n = smtp.received.length;
    const res = await run(signup.action, formRequest("/signup", { displayName: "Nora", email, password: STRONG }), {}, ip());
    expect(res.location).toBe("/check-email?reason=signup");
    const [mail] = await mailsTo(email, n);
    expect(mail!.subject).toBe("Confirmez votre adresse — Ville-Test");
    const link = linkIn(mail!.text, "/verify-email?token=");
    const token = tokenOf(link);
    // stored hashed: the database never holds the token itself
    const rows = db.select().from(accountTokens).all();
    expect(rows.some((r) => r.tokenHash === createHash("sha256").update(token).digest("hex"))).toBe(true);
    const dump = JSON.stringify(sqlite().prepare("SELECT * FROM account_tokens").all()) + JSON.stringify(sqlite().prepare("SELECT payload FROM outbox_messages").all());
    expect(dump).not.toContain(token);
    // opening the link changes nothing (a mail scanner may fetch it)
    const page = await run(verify.loader, getRequest(`/verify-email?token=${token}`));
    expect(page.data.valid).toBe(true);
    expect(db.select().from(users).where(eq(users.email, email)).get()!.emailVerifiedAt).toBeNull();
    const ok = await run(verify.action, formRequest("/verify-email", { token }));
    expect(ok.location).toBe("/account?verified=1");
    expect(ok.headers!.get("Set-Cookie")).toMatch(/conseil_session=[^;]+/);
    expect(db.select().from(users).where(eq(users.email, email)).get()!.emailVerifiedAt).not.toBeNull();
    // single use
    const again = await run(verify.action, formRequest("/verify-email", { token }));
    expect(again.data.error).toBe("errors.tokenInvalid");
  });

  it("tokens expire", async () => {
    const u = await makeUser({ verified: false });
    const { issueToken } = await import("~/domain/accounts/tokens.server");
    const t0 = new Date("2030-01-01T10:00:00Z");
    const token = db.transaction((tx) => issueToken(tx, u.userId, "verifyEmail", { now: t0 }));
    expect(() => verifyEmail(token, { now: new Date(t0.getTime() + TOKEN_TTL_MS.verifyEmail + 1) })).toThrow(/tokenInvalid/);
    expect(verifyEmail(token, { now: new Date(t0.getTime() + TOKEN_TTL_MS.verifyEmail - 1000) })).toBe(u.userId);
    expect(TOKEN_TTL_MS.resetPassword).toBeLessThanOrEqual(60 * 60_000);
  });

  it("does not reveal whether an address has an account: same answer, and the owner is told", async () => {
    const owner = await makeUser({ email: "deja@ville.fr", name: "Déjà" });
    const n = smtp.received.length;
    const users0 = db.select({ n: count() }).from(users).get()!.n;
    const taken = await run(signup.action, formRequest("/signup", { displayName: "Intrus", email: "deja@ville.fr", password: STRONG }), {}, ip());
    const free = await run(signup.action, formRequest("/signup", { displayName: "Libre", email: "libre@ville.fr", password: STRONG }), {}, ip());
    expect([taken.status, taken.location, taken.data]).toEqual([free.status, free.location, free.data]);
    expect(taken.headers!.get("Set-Cookie")).toBe(free.headers!.get("Set-Cookie"));
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(users0 + 1);
    const [told] = await mailsTo(owner.email, n);
    expect(told!.subject).toBe("Vous avez déjà un compte — Ville-Test");
    expect(told!.text).toContain("/forgot-password");
    // the owner's password is unchanged
    const res = await run(login.action, formRequest("/login", { email: owner.email, password: TEST_PASSWORD }), {}, ip());
    expect(res.status).toBe(302);
  });

  it("takes the same time whether or not the address is taken", async () => {
    for (let i = 0; i < 7; i++) await makeUser({ email: `pris-${i}@ville.fr` });
    const time = async (email: string) => {
      const t = performance.now();
      await run(signup.action, formRequest("/signup", { displayName: "Chrono", email, password: STRONG }), {}, ip());
      return performance.now() - t;
    };
    const taken: number[] = [];
    const free: number[] = [];
    await time("echauffement@ville.fr");
    for (let i = 0; i < 7; i++) {
      taken.push(await time(`pris-${i}@ville.fr`));
      free.push(await time(`libre-${i}@ville.fr`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [mt, mf] = [median(taken), median(free)];
    // Both do one argon2 hash and one outbox row; the difference is a few inserts.
    expect(Math.abs(mt - mf)).toBeLessThan(Math.max(15, 0.25 * Math.max(mt, mf)));
  });

  it("limits sign-ups per target address (no mailbox flooding), with the same answer either way", async () => {
    let last = 0;
    for (let i = 0; i < 7; i++) {
      const r = await run(signup.action, formRequest("/signup", { displayName: "Flot", email: "flot@ville.fr", password: STRONG }), {}, ip());
      last = r.status;
    }
    expect(last).toBe(429);
  });
});

describe("password reset", () => {
  it("answers the same for known and unknown addresses, and the link sets a new password, ends every session, and works once", async () => {
    const u = await makeUser({ email: "oubli@ville.fr" });
    const oldCookie = await sessionCookieFor(u.userId);
    const n = smtp.received.length;
    const known = await run(forgot.action, formRequest("/forgot-password", { email: u.email }), {}, ip());
    const unknown = await run(forgot.action, formRequest("/forgot-password", { email: "personne@ville.fr" }), {}, ip());
    expect([known.status, known.location]).toEqual([unknown.status, unknown.location]);
    const mails = await mailsTo(u.email, n);
    expect(mails).toHaveLength(1);
    expect(smtp.received.slice(n).filter((m) => m.to.includes("personne@ville.fr"))).toEqual([]);
    const token = tokenOf(linkIn(mails[0]!.text, "/reset-password?token="));
    const weak = await run(reset.action, formRequest("/reset-password", { token, password: "password12" }));
    expect(weak.status).toBe(400);
    expect(weak.data.error.password[0]).toMatch(/^errors\.passwordWeak::/);
    const ok = await run(reset.action, formRequest("/reset-password", { token, password: STRONG }), {}, ip());
    expect(ok.location).toBe("/account?reset=1");
    expect(db.select().from(sessions).where(eq(sessions.id, oldCookie.split("=")[1]!)).get()).toBeUndefined();
    const again = await run(reset.action, formRequest("/reset-password", { token, password: STRONG + "x" }));
    expect(again.status).toBe(400);
    const logged = await run(login.action, formRequest("/login", { email: u.email, password: STRONG }), {}, ip());
    expect(logged.status).toBe(302);
  });
});

describe("changes of password and email", () => {
  it("a new password ends the other sessions, keeps this one, and sends a notice", async () => {
    const u = await makeUser({ email: "change@ville.fr" });
    const other = await sessionCookieFor(u.userId);
    const mine = await sessionCookieFor(u.userId);
    const n = smtp.received.length;
    const res = await run(security.action, formRequest("/account/security", { intent: "password", target: "", currentPassword: TEST_PASSWORD, newPassword: STRONG }, { cookie: mine }));
    expect(res.location).toBe("/account/security?done=password");
    const ids = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, u.userId)).all().map((s) => s.id);
    expect(ids).toEqual([mine.split("=")[1]]);
    expect(ids).not.toContain(other.split("=")[1]);
    expect((await mailsTo(u.email, n)).map((m) => m.subject)).toEqual(["Votre mot de passe a changé — Ville-Test"]);
  });

  it("a new email is confirmed by a link sent to it; the old address is told; other sessions end", async () => {
    const u = await makeUser({ email: "ancienne@ville.fr" });
    const other = await sessionCookieFor(u.userId);
    const mine = await sessionCookieFor(u.userId);
    const n = smtp.received.length;
    const res = await run(security.action, formRequest("/account/security", { intent: "email", target: "", newEmail: "nouvelle-adresse@ville.fr", password: TEST_PASSWORD }, { cookie: mine }), {}, ip());
    expect(res.location).toBe("/check-email?reason=email");
    expect(db.select().from(users).where(eq(users.id, u.userId)).get()!.email).toBe("ancienne@ville.fr");
    const [mail] = await mailsTo("nouvelle-adresse@ville.fr", n);
    const token = tokenOf(linkIn(mail!.text, "/account/email/confirm?token="));
    const ok = await run(confirmEmail.action, formRequest("/account/email/confirm", { token }, { cookie: mine }));
    expect(ok.location).toBe("/account?emailChanged=1");
    const row = db.select().from(users).where(eq(users.id, u.userId)).get()!;
    expect([row.email, !!row.emailVerifiedAt]).toEqual(["nouvelle-adresse@ville.fr", true]);
    expect(db.select().from(sessions).where(eq(sessions.id, other.split("=")[1]!)).get()).toBeUndefined();
    expect(db.select().from(sessions).where(eq(sessions.id, mine.split("=")[1]!)).get()).toBeTruthy();
    expect((await mailsTo("ancienne@ville.fr", n)).map((m) => m.subject)).toEqual(["L'adresse de votre compte a changé — Ville-Test"]);
  });

  it("lists sessions and logs out everywhere else", async () => {
    const u = await makeUser();
    await sessionCookieFor(u.userId);
    await sessionCookieFor(u.userId);
    const mine = await sessionCookieFor(u.userId);
    const page = await run(security.loader, getRequest("/account/security", { cookie: mine }));
    expect(page.data.sessions).toHaveLength(3);
    expect(page.data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(page.data.sessions)).not.toContain(mine.split("=")[1]);
    await run(security.action, formRequest("/account/security", { intent: "endOthers", target: "" }, { cookie: mine }));
    expect(db.select().from(sessions).where(eq(sessions.userId, u.userId)).all()).toHaveLength(1);
  });
});

describe("unverified accounts", () => {
  it("cannot log in until the address is confirmed; the right password sends a new link", async () => {
    const u = await makeUser({ verified: false, email: "pasconfirme@ville.fr" });
    const n = smtp.received.length;
    const res = await run(login.action, formRequest("/login", { email: u.email, password: TEST_PASSWORD }), {}, ip());
    expect(res.status).toBe(400);
    expect(res.data.error[""]).toEqual(["errors.emailNotVerified"]);
    expect((await mailsTo(u.email, n)).map((m) => m.subject)).toEqual(["Confirmez votre adresse — Ville-Test"]);
    const wrong = await run(login.action, formRequest("/login", { email: u.email, password: "mauvais mot de passe" }), {}, ip());
    expect(wrong.data.error[""]).toEqual(["errors.loginFailed"]);
    expect(db.select().from(outboxMessages).where(eq(outboxMessages.userId, u.userId)).all()).toHaveLength(1);
  });
});

/** Sign-up, log-in, log-out and throttling through the real route modules and database. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { roleAssignments, sessions, users } from "#db/schema";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as signup from "~/routes/signup";
import { FREE_FAILURES } from "~/domain/accounts/throttle.server";
import { getActor } from "~/domain/accounts/session.server";
import { formRequest, run } from "../support/http";
import { makeUser, TEST_PASSWORD } from "../support/fixtures";

const userCount = () => db.select({ n: count() }).from(users).get()!.n;

describe("sign-up", () => {
  it("makes the very first account the town's admin; no session until the address is confirmed", async () => {
    const res = await run(signup.action, formRequest("/signup", { displayName: "Première", email: "premiere@ville.fr", password: "une phrase longue" }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/check-email?reason=signup");
    expect(res.headers?.get("Set-Cookie")).toBeNull();
    const u = db.select().from(users).where(eq(users.email, "premiere@ville.fr")).get()!;
    expect(u.emailVerifiedAt).toBeNull();
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const roles = db.select().from(roleAssignments).where(eq(roleAssignments.userId, u.id)).all();
    expect(roles.map((r) => [r.role, r.councilId])).toEqual([["admin", null]]);
  });

  it("does not make the second account admin, and lowercases the email", async () => {
    const res = await run(signup.action, formRequest("/signup", { displayName: "Deuxième", email: "  Deux@Ville.FR ", password: "une phrase longue" }));
    expect(res.status).toBe(302);
    const u = db.select().from(users).where(eq(users.email, "deux@ville.fr")).get()!;
    expect(db.select().from(roleAssignments).where(eq(roleAssignments.userId, u.id)).all()).toEqual([]);
  });

  const bad: [string, Record<string, string>, Record<string, string>][] = [
    ["empty", { displayName: "", email: "", password: "" }, { displayName: "errors.required", email: "errors.required", password: "errors.required" }],
    ["too long", { displayName: "x".repeat(81), email: "a@b.fr", password: "une phrase longue" }, { displayName: "errors.tooLong" }],
    ["malformed email", { displayName: "Nom", email: "pas-une-adresse", password: "une phrase longue" }, { email: "errors.emailInvalid" }],
    ["short password", { displayName: "Nom", email: "court@ville.fr", password: "court" }, { password: "errors.passwordShort" }],
    ["weak password", { displayName: "Nom", email: "faible@ville.fr", password: "password12" }, { password: "errors.passwordWeak" }],
  ];
  for (const [name, fields, expected] of bad) {
    it(`refuses ${name} input with 400, field messages, typed values kept, nothing written`, async () => {
      const before = userCount();
      const res = await run(signup.action, formRequest("/signup", fields));
      expect(res.status).toBe(400);
      const errors = res.data.error as Record<string, string[]>;
      for (const [field, key] of Object.entries(expected)) {
        expect(errors[field]?.[0]?.split("::")[0], field).toBe(key);
      }
      // typed values come back (but never the password)
      expect(res.data.initialValue.displayName).toBe(fields.displayName === "" ? undefined : fields.displayName);
      expect(res.data.initialValue.password).toBeUndefined();
      expect(userCount()).toBe(before);
    });
  }
});

describe("log-in and log-out", () => {
  let email: string;
  beforeAll(async () => {
    email = (await makeUser({ email: "marie@ville.fr" })).email;
  });

  it("logs in with the right password and out again", async () => {
    const res = await run(login.action, formRequest("/login", { email, password: TEST_PASSWORD, redirectTo: "/councils" }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/councils");
    const cookie = res.headers!.get("Set-Cookie")!.split(";")[0]!;
    expect(db.select({ n: count() }).from(sessions).get()!.n).toBeGreaterThan(0);
    const out = await run(logout.action, formRequest("/logout", {}, { cookie }));
    expect(out.status).toBe(302);
    expect(out.headers!.get("Set-Cookie")).toMatch(/conseil_session=;/);
    const id = cookie.split("=")[1]!;
    expect(db.select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("reads the session next to malformed cookies, and a malformed session cookie is no session (found by the fuzz: a 500 on every page)", async () => {
    const res = await run(login.action, formRequest("/login", { email, password: TEST_PASSWORD }));
    const cookie = res.headers!.get("Set-Cookie")!.split(";")[0]!;
    const actorWith = (header: string) => getActor(new Request("http://localhost/", { headers: { Cookie: header } }));
    expect((await actorWith(`tracker=%E0%A4%A; ${cookie}; other=%`))?.email).toBe(email);
    expect((await actorWith(`${cookie};lng=%%%`))?.email).toBe(email);
    expect(await actorWith("conseil_session=%%%; lng=%%%")).toBeNull();
    expect(await actorWith("conseil_session=; =; ;;")).toBeNull();
  });

  it("never redirects off-site after login", async () => {
    const res = await run(login.action, formRequest("/login", { email, password: TEST_PASSWORD, redirectTo: "//evil.example/x" }));
    expect(res.location).toBe("/");
  });

  it("gives the same generic error for a wrong password and an unknown email", async () => {
    const a = await run(login.action, formRequest("/login", { email, password: "mauvais mot de passe" }, {}), {}, { ip: "198.51.100.1" });
    const b = await run(login.action, formRequest("/login", { email: "inconnu@ville.fr", password: "mauvais mot de passe" }), {}, { ip: "198.51.100.2" });
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(a.data.error).toEqual(b.data.error);
    expect(a.data.error[""]).toEqual(["errors.loginFailed"]);
    expect(a.data.initialValue.email).toBe(email);
  });

  it("slows down an (account, address) pair without locking the account for anyone else", async () => {
    const target = (await makeUser({ email: "cible@ville.fr" })).email;
    for (let i = 0; i < FREE_FAILURES + 1; i++) {
      await run(login.action, formRequest("/login", { email: target, password: `essai ${i}` }), {}, { ip: "192.0.2.1" });
    }
    // the guessing address must wait, even with the right password…
    const res = await run(login.action, formRequest("/login", { email: target, password: TEST_PASSWORD }), {}, { ip: "192.0.2.1" });
    expect(res.status).toBe(429);
    expect(res.data.error[""][0]).toMatch(/^errors\.tooManyAttempts::\{"seconds":\d+,"minutes":\d+\}$/);
    // …but the owner, from another address, logs in at once
    const owner = await run(login.action, formRequest("/login", { email: target, password: TEST_PASSWORD }), {}, { ip: "192.0.2.200" });
    expect(owner.status).toBe(302);
  });

  it("slows down one address trying many accounts", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 101; i++) {
      await run(login.action, formRequest("/login", { email: `x${i}@ville.fr`, password: "mauvais" }), {}, { ip });
    }
    const res = await run(login.action, formRequest("/login", { email, password: TEST_PASSWORD }), {}, { ip });
    expect(res.status).toBe(429);
    const other = await run(login.action, formRequest("/login", { email, password: TEST_PASSWORD }), {}, { ip: "203.0.113.78" });
    expect(other.status).toBe(302);
  });
});

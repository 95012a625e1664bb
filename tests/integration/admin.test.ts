/** Admin actions through the real routes: roles (with their log) and councils; 403 for others. */
import { count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { councils, roleAssignments, roleChanges } from "#db/schema";
import * as adminRoles from "~/routes/admin.roles";
import * as adminCouncils from "~/routes/admin.councils._index";
import * as adminCouncil from "~/routes/admin.councils.$slug";
import * as adminHome from "~/routes/admin._index";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { demoTown, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";

let adminCookie: string;
let residentCookie: string;
let facilitatorCookie: string;
let adminId: string;
let centre: number;

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  const admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
  adminId = admin.userId;
  adminCookie = await sessionCookieFor(admin.userId);
  residentCookie = await sessionCookieFor((await makeUser()).userId);
  facilitatorCookie = await sessionCookieFor((await makeUser({ roles: [{ role: "facilitator", councilId: centre }] })).userId);
});

describe("admin pages refuse everyone but admins", () => {
  const cases = [
    ["GET /admin", () => adminHome.loader],
    ["GET /admin/roles", () => adminRoles.loader],
    ["GET /admin/councils", () => adminCouncils.loader],
  ] as const;
  for (const [name, fn] of cases) {
    it(`${name}: visitor is sent to log in, resident and facilitator get 403, admin 200`, async () => {
      expect((await run(fn(), getRequest("/admin"))).status).toBe(302);
      expect((await run(fn(), getRequest("/admin", { cookie: residentCookie }))).status).toBe(403);
      expect((await run(fn(), getRequest("/admin", { cookie: facilitatorCookie }))).status).toBe(403);
      expect((await run(fn(), getRequest("/admin", { cookie: adminCookie }))).status).toBe(200);
    });
  }

  it("a resident posting to an admin action gets 403 and nothing changes", async () => {
    const before = db.select({ n: count() }).from(roleAssignments).get()!.n;
    const res = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "habitante@demo.conseil-ouvert.fr", role: "admin", councilId: "town" }, { cookie: residentCookie }));
    expect(res.status).toBe(403);
    expect(db.select({ n: count() }).from(roleAssignments).get()!.n).toBe(before);
    const c = await run(adminCouncils.action, formRequest("/admin/councils", { name: "Pirate", slug: "pirate" }, { cookie: residentCookie }));
    expect(c.status).toBe(403);
    expect(getCouncilBySlug("pirate")).toBeNull();
  });

  it("a visitor posting to an admin action gets 403", async () => {
    const res = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "x@y.fr", role: "admin" }));
    expect(res.status).toBe(403);
  });
});

describe("roles", () => {
  it("grants a council role and logs who did it", async () => {
    const target = await makeUser({ email: "futur.animateur@ville.fr" });
    const res = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "Futur.Animateur@ville.fr", role: "facilitator", councilId: String(centre) }, { cookie: adminCookie }));
    expect(res.status).toBe(302);
    const held = db.select().from(roleAssignments).where(eq(roleAssignments.userId, target.userId)).all();
    expect(held.map((h) => [h.role, h.councilId, h.grantedBy])).toEqual([["facilitator", centre, adminId]]);
    const log = db.select().from(roleChanges).orderBy(desc(roleChanges.id)).get()!;
    expect(log).toMatchObject({ actorId: adminId, userId: target.userId, change: "grant", role: "facilitator", councilId: centre });
    expect(Date.now() - Date.parse(log.at)).toBeLessThan(60_000);

    // the same role twice is refused with a field message
    const again = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "futur.animateur@ville.fr", role: "facilitator", councilId: String(centre) }, { cookie: adminCookie }));
    expect(again.status).toBe(400);
    expect(again.data.reply.error.role).toEqual(["errors.roleAlreadyHeld"]);

    // revoke, logged too
    const id = held[0]!.id;
    const rev = await run(adminRoles.action, formRequest("/admin/roles", { intent: "revoke", assignmentId: String(id) }, { cookie: adminCookie }));
    expect(rev.status).toBe(302);
    expect(db.select().from(roleAssignments).where(eq(roleAssignments.id, id)).get()).toBeUndefined();
    expect(db.select().from(roleChanges).orderBy(desc(roleChanges.id)).get()).toMatchObject({ change: "revoke", userId: target.userId, actorId: adminId });
  });

  it("refuses unknown accounts, unknown councils and missing roles with field messages", async () => {
    const unknown = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "personne@ville.fr", role: "official", councilId: "town" }, { cookie: adminCookie }));
    expect(unknown.status).toBe(400);
    expect(unknown.data.reply.error.email).toEqual(["errors.userUnknown"]);
    expect(unknown.data.reply.initialValue.email).toBe("personne@ville.fr");
    const noCouncil = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "habitante@demo.conseil-ouvert.fr", role: "official", councilId: "9999" }, { cookie: adminCookie }));
    expect(noCouncil.data.reply.error.councilId).toEqual(["errors.councilUnknown"]);
    const noRole = await run(adminRoles.action, formRequest("/admin/roles", { intent: "grant", email: "habitante@demo.conseil-ouvert.fr", role: "king", councilId: "town" }, { cookie: adminCookie }));
    expect(noRole.data.reply.error.role).toEqual(["errors.choose"]);
  });

  it("will not remove the last town-wide admin", async () => {
    const admins = db.select().from(roleAssignments).where(eq(roleAssignments.role, "admin")).all();
    // remove all but one, then try the last
    for (const a of admins.slice(1)) {
      await run(adminRoles.action, formRequest("/admin/roles", { intent: "revoke", assignmentId: String(a.id) }, { cookie: adminCookie }));
    }
    const last = db.select().from(roleAssignments).where(eq(roleAssignments.role, "admin")).all();
    expect(last).toHaveLength(1);
    // the remaining admin may be a demo one whose session we do not hold; act as them
    const cookie = await sessionCookieFor(last[0]!.userId);
    const res = await run(adminRoles.action, formRequest("/admin/roles", { intent: "revoke", assignmentId: String(last[0]!.id) }, { cookie }));
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ intent: "revoke", reply: { error: { "": ["errors.lastAdmin"] } } });
    expect(db.select().from(roleAssignments).where(eq(roleAssignments.role, "admin")).all()).toHaveLength(1);
  });
});

describe("councils", () => {
  it("an admin creates and edits a council", async () => {
    const cookie = await sessionCookieFor((await makeUser({ roles: [{ role: "admin", councilId: null }] })).userId);
    const res = await run(adminCouncils.action, formRequest("/admin/councils", { name: "Le Port", slug: "le-port", territory: "Les quais", description: "Le **port**." }, { cookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/councils/le-port");
    const edit = await run(adminCouncil.action, formRequest("/admin/councils/le-port", { name: "Le Vieux-Port", slug: "vieux-port", territory: "Les quais", description: "" }, { cookie }), { slug: "le-port" });
    expect(edit.location).toBe("/councils/vieux-port");
    expect(getCouncilBySlug("vieux-port")!.name).toBe("Le Vieux-Port");
  });

  it("refuses a bad slug, a taken slug and an empty name, keeping what was typed", async () => {
    const cookie = await sessionCookieFor((await makeUser({ roles: [{ role: "admin", councilId: null }] })).userId);
    const before = db.select({ n: count() }).from(councils).get()!.n;
    const badSlug = await run(adminCouncils.action, formRequest("/admin/councils", { name: "Quartier Été", slug: "Quartier Été", territory: "", description: "" }, { cookie }));
    expect(badSlug.status).toBe(400);
    expect(badSlug.data.error.slug).toEqual(["errors.slugInvalid"]);
    expect(badSlug.data.initialValue.name).toBe("Quartier Été");
    const taken = await run(adminCouncils.action, formRequest("/admin/councils", { name: "Doublon", slug: "centre-ville" }, { cookie }));
    expect(taken.data.error.slug).toEqual(["errors.slugTaken"]);
    const empty = await run(adminCouncils.action, formRequest("/admin/councils", { name: "", slug: "ok" }, { cookie }));
    expect(empty.data.error.name).toEqual(["errors.required"]);
    expect(db.select({ n: count() }).from(councils).get()!.n).toBe(before);
  });
});

describe("town settings", () => {
  it("an admin renames the town and sets a readable accent colour; unreadable colours are refused", async () => {
    const adminTown = await import("~/routes/admin.town");
    const { getTown } = await import("~/domain/town/town.server");
    const cookie = await sessionCookieFor((await makeUser({ roles: [{ role: "admin", councilId: null }] })).userId);
    const pale = await run(adminTown.action, formRequest("/admin/town", { name: "Montclair", accentColor: "#ffee88" }, { cookie }));
    expect(pale.status).toBe(400);
    expect(pale.data.error.accentColor).toEqual(["errors.colourContrast"]);
    const garbage = await run(adminTown.action, formRequest("/admin/town", { name: "Montclair", accentColor: "bleu" }, { cookie }));
    expect(garbage.data.error.accentColor).toEqual(["errors.colourInvalid"]);
    expect(getTown().accentColor).toBe("#1d5fa8");
    const ok = await run(adminTown.action, formRequest("/admin/town", { name: "Montclair-la-Belle", accentColor: "#7A1F5C" }, { cookie }));
    expect(ok.status).toBe(302);
    expect(getTown()).toMatchObject({ name: "Montclair-la-Belle", accentColor: "#7a1f5c" });
    expect((await run(adminTown.action, formRequest("/admin/town", { name: "X", accentColor: "#000000" }, { cookie: residentCookie }))).status).toBe(403);
  });
});

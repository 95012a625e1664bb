/**
 * GDPR: the export holds everything stored about the person and nothing about others; every
 * column referencing users is covered; deletion erases personal data, keeps public
 * contributions anonymised ("former participant"), and leaves the register untouched.
 */
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import * as schema from "#db/schema";
import { comments, follows, ideas, notifications, sessions, supports, users } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { EXPORT_COVERS, exportPersonalData } from "~/domain/accounts/personal-data.server";
import { addComment } from "~/domain/ideas/comments.server";
import { ideaPage as getIdeaPage } from "~/domain/ideas/idea-page.server";
import { submitIdea, supportIdea } from "~/domain/ideas/ideas.server";
import { followCouncil } from "~/domain/meetings/meetings.server";
import { setPreferences } from "~/domain/notifications/preferences.server";
import * as dataRoute from "~/routes/account.data";
import * as login from "~/routes/login";
import { emptyTown, makeCouncil, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { formRequest, run, sessionCookieFor } from "../support/http";

let council: number;
let me: Actor;
let other: Actor;
let myIdea: number;
let otherIdea: number;

beforeAll(async () => {
  emptyTown();
  council = makeCouncil().id;
  me = await makeUser({ name: "Mireille Moi", email: "mireille@ville.fr" });
  other = await makeUser({ name: "Octave Autre", email: "octave@ville.fr" });
  setPreferences(me, { channel: "sms", digest: true, topics: ["ideas"], locale: "fr", phone: "06 11 22 33 44", postalAddress: "" });
  setPreferences(other, { channel: "post", digest: false, topics: ["ideas"], locale: "en", phone: "", postalAddress: "9 allée des Autres" });
  myIdea = submitIdea(me, { title: "Un banc pour Mireille", body: "Devant la poste, à l'ombre.", theme: "public_space", place: "", councilId: council }).id;
  otherIdea = submitIdea(other, { title: "Une idée d'Octave", body: "Texte d'Octave, secret de personne.", theme: "culture", place: "", councilId: council }).id;
  addComment(me, otherIdea, { stance: "for", body: "Commentaire de Mireille", parentId: null });
  addComment(other, myIdea, { stance: "against", body: "Commentaire d'Octave", parentId: null });
  supportIdea(me, otherIdea);
  supportIdea(other, myIdea);
  followCouncil(me, council, true);
  followCouncil(other, council, true);
  await sessionCookieFor(me.userId);
});

describe("export", () => {
  it("covers every column that references users", () => {
    const refs: string[] = [];
    for (const t of Object.values(schema)) {
      if (!t || typeof t !== "object" || !(Symbol.for("drizzle:IsDrizzleTable") in (t as object))) continue;
      const cfg = getTableConfig(t as SQLiteTable);
      for (const fk of cfg.foreignKeys) {
        const r = fk.reference();
        if (getTableConfig(r.foreignTable).name === "users") refs.push(`${cfg.name}.${r.columns[0]!.name}`);
      }
    }
    expect(refs.sort()).toEqual([...EXPORT_COVERS].sort());
  });

  it("contains what is stored about me, and nothing about others", () => {
    const data = exportPersonalData(me);
    const json = JSON.stringify(data);
    for (const mine of ["mireille@ville.fr", "Mireille Moi", "Un banc pour Mireille", "Commentaire de Mireille", "06 11 22 33 44"]) expect(json).toContain(mine);
    expect(data.supports.map((s) => s.ideaId)).toEqual([otherIdea]);
    expect(data.follows).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "council", id: council }), expect.objectContaining({ kind: "idea", id: myIdea })]));
    expect(data.sessions.length).toBe(1);
    for (const theirs of [other.userId, "octave@ville.fr", "Octave Autre", "Commentaire d'Octave", "Texte d'Octave", "9 allée des Autres"]) expect(json).not.toContain(theirs);
    // secrets are described, not copied
    const hash = db.select().from(users).where(eq(users.id, me.userId)).get()!.passwordHash;
    expect(json).not.toContain(hash);
    const sid = db.select().from(sessions).where(eq(sessions.userId, me.userId)).get()!.id;
    expect(json).not.toContain(sid);
  });
});

describe("deletion", () => {
  it("erases personal data, keeps contributions anonymised, and does not touch the register", async () => {
    const registerBefore = sqlite().prepare("SELECT hash FROM decisions ORDER BY seq").all();
    const cookie = await sessionCookieFor(me.userId);
    const wrong = await run(dataRoute.action, formRequest("/account/data", { password: "pas le bon", confirm: "on" }, { cookie }));
    expect(wrong.status).toBe(400);
    const res = await run(dataRoute.action, formRequest("/account/data", { password: TEST_PASSWORD, confirm: "on" }, { cookie }));
    expect(res.location).toBe("/?deleted=1");
    const row = db.select().from(users).where(eq(users.id, me.userId)).get()!;
    expect(row.deletedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/mireille|Mireille/);
    for (const t of [sessions, follows, notifications]) expect(db.select().from(t).where(eq(t.userId, me.userId)).all()).toEqual([]);
    expect(sqlite().prepare("SELECT count(*) n FROM notification_preferences WHERE user_id = ?").get(me.userId)).toEqual({ n: 0 });
    // public contributions stay, without a name
    expect(db.select().from(ideas).where(eq(ideas.id, myIdea)).get()!.title).toBe("Un banc pour Mireille");
    expect(db.select().from(comments).where(eq(comments.authorId, me.userId)).all()).toHaveLength(1);
    expect(db.select().from(supports).where(eq(supports.userId, me.userId)).all()).toHaveLength(1);
    const page = getIdeaPage(myIdea, null)!;
    expect(JSON.stringify(page)).not.toContain("Mireille Moi");
    const onOther = getIdeaPage(otherIdea, null)!;
    expect(onOther.comments.find((c) => c.body === "Commentaire de Mireille")!.authorName).toBeNull();
    // the other person is untouched
    expect(db.select().from(follows).where(eq(follows.userId, other.userId)).all().length).toBeGreaterThan(0);
    // the register is as it was
    expect(sqlite().prepare("SELECT hash FROM decisions ORDER BY seq").all()).toEqual(registerBefore);
    // nothing is written for the tombstone afterwards (a comment on the deleted person's idea)
    addComment(other, myIdea, { stance: "for", body: "Encore un avis", parentId: null });
    expect(db.select().from(notifications).where(eq(notifications.userId, me.userId)).all()).toEqual([]);
    // nobody can log in as the deleted account
    const again = await run(login.action, formRequest("/login", { email: "mireille@ville.fr", password: TEST_PASSWORD }), {}, { ip: "198.51.100.99" });
    expect(again.status).toBe(400);
  });
});

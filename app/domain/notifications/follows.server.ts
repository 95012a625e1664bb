/** Following and unfollowing from the person's own pages ("My space"). */
import { db } from "#db/client.server";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import type { SubjectRef } from "./kinds";
import { unfollow } from "./notify.server";

export function unfollowSubject(actor: MaybeActor, subject: SubjectRef) {
  const a = assertCanAs(actor, "account.view");
  db.transaction((tx) => unfollow(tx, a.userId, subject));
}

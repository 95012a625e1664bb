/**
 * Events that happen with time rather than a request — a vote opening at its hour — and must
 * still be announced once. The outbox worker runs `announceDue` on every pass; each
 * capability's announcer marks what it announced in the same transaction as the
 * notification, so a crash or a second worker never announces twice.
 */
import { announceOpenedVotes } from "../votes/votes.server";

const ANNOUNCERS: ((now: Date) => number)[] = [announceOpenedVotes];

/** Returns how many announcements were made. */
export function announceDue(now = new Date()): number {
  let n = 0;
  for (const a of ANNOUNCERS) n += a(now);
  return n;
}

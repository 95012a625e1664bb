/**
 * Wall-clock times in the town's time zone (Europe/Paris) ⇄ UTC instants, without a
 * library: Intl gives the zone's offset at an instant; forms use "YYYY-MM-DDTHH:mm".
 */
export const TOWN_TZ = "Europe/Paris";

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Paris: +60 or +120). */
export function zoneOffsetMinutes(ms: number, timeZone = TOWN_TZ): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

export function isLocalDateTime(s: string): boolean {
  const m = LOCAL_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60;
}

/** "2026-12-12T18:30" in Paris → the UTC instant as an ISO string. */
export function localToUtc(local: string, timeZone = TOWN_TZ): string {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDateTime(local)) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Two passes settle the offset around DST changes.
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}

/** A UTC instant → "YYYY-MM-DDTHH:mm" on the town's clock (for form fields). */
export function utcToLocal(iso: string, timeZone = TOWN_TZ): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

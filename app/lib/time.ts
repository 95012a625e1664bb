/**
 * Wall-clock times in the town's time zone (Europe/Paris) ⇄ UTC instants, without a
 * library (this module reaches the browser through the meeting form's schema): Intl gives
 * the zone's offset at an instant; forms use "YYYY-MM-DDTHH:mm".
 */
export const TOWN_TZ = "Europe/Paris";

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Paris: +60 or +120). */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string) {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormats.set(timeZone, f);
  }
  return f;
}

export function zoneOffsetMinutes(ms: number, timeZone = TOWN_TZ): number {
  const parts = offsetFormat(timeZone).formatToParts(new Date(ms));
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

/**
 * A wall-clock time on the town's clock, resolved to UTC. Around a DST change a wall time
 * can be missing (Paris, last Sunday of March: 02:00–02:59 do not exist) or happen twice
 * (last Sunday of October: 02:00–02:59 happen once at +02:00, once at +01:00). Both are
 * reported instead of guessed, so the page, the register and the iCalendar feed agree.
 */
export type LocalResolution = { ok: true; utc: string } | { ok: false; problem: "invalid" | "missing" | "ambiguous" };

export function resolveLocal(local: string, timeZone = TOWN_TZ): LocalResolution {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDateTime(local)) return { ok: false, problem: "invalid" };
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // The zone's offsets half a day either side cover any single DST change.
  const offsets = new Set([zoneOffsetMinutes(wall - 12 * 3600_000, timeZone), zoneOffsetMinutes(wall + 12 * 3600_000, timeZone)]);
  const instants = [...offsets].map((o) => wall - o * 60_000).filter((ms) => utcToLocal(new Date(ms).toISOString(), timeZone) === local);
  const distinct = [...new Set(instants)];
  if (distinct.length === 0) return { ok: false, problem: "missing" };
  if (distinct.length > 1) return { ok: false, problem: "ambiguous" };
  return { ok: true, utc: new Date(distinct[0]!).toISOString() };
}

/** "2026-12-12T18:30" in Paris → the UTC instant as an ISO string; RangeError when the wall time is invalid, missing or ambiguous. */
export function localToUtc(local: string, timeZone = TOWN_TZ): string {
  const r = resolveLocal(local, timeZone);
  if (!r.ok) throw new RangeError(`${r.problem} local date-time: ${local}`);
  return r.utc;
}

/** A UTC instant → "YYYY-MM-DDTHH:mm" on the town's clock (for form fields). */
export function utcToLocal(iso: string, timeZone = TOWN_TZ): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Local times in Europe/Paris across DST: missing and doubled wall times are reported, not guessed. */
import { describe, expect, it } from "vitest";
import { MeetingSchema } from "~/domain/meetings/schemas";
import { localToUtc, resolveLocal, utcToLocal } from "~/lib/time";

describe("resolveLocal", () => {
  it("winter and summer hours", () => {
    expect(resolveLocal("2027-01-12T18:30")).toEqual({ ok: true, utc: "2027-01-12T17:30:00.000Z" });
    expect(resolveLocal("2027-07-12T19:00")).toEqual({ ok: true, utc: "2027-07-12T17:00:00.000Z" });
  });
  it("02:30 on 2027-03-28 does not exist in Paris", () => {
    expect(resolveLocal("2027-03-28T02:30")).toEqual({ ok: false, problem: "missing" });
    expect(resolveLocal("2027-03-28T01:59").ok).toBe(true);
    expect(resolveLocal("2027-03-28T03:00")).toEqual({ ok: true, utc: "2027-03-28T01:00:00.000Z" });
    expect(() => localToUtc("2027-03-28T02:30")).toThrow(RangeError);
  });
  it("02:30 on 2027-10-31 happens twice in Paris", () => {
    expect(resolveLocal("2027-10-31T02:30")).toEqual({ ok: false, problem: "ambiguous" });
    expect(resolveLocal("2027-10-31T03:00")).toEqual({ ok: true, utc: "2027-10-31T02:00:00.000Z" });
    expect(resolveLocal("2027-10-31T01:59")).toEqual({ ok: true, utc: "2027-10-30T23:59:00.000Z" });
  });
  it("round-trips every quarter hour of a DST year", () => {
    for (let ms = Date.UTC(2027, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 15 * 60_000) {
      const local = utcToLocal(new Date(ms).toISOString());
      const r = resolveLocal(local);
      if (r.ok) expect(r.utc).toBe(new Date(ms).toISOString());
      else expect(r.problem).toBe("ambiguous"); // each instant of the repeated hour
    }
  });
  it("the meeting form says why", () => {
    const base = { councilId: "1", title: "Réunion", placeName: "Salle", address: "", accessibility: "" };
    const missing = MeetingSchema.safeParse({ ...base, startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T04:00" });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["startsAt", "errors.timeMissing"]);
    const twice = MeetingSchema.safeParse({ ...base, startsAt: "2027-10-31T01:00", endsAt: "2027-10-31T02:15" });
    expect(twice.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["endsAt", "errors.timeAmbiguous"]);
  });
});

import { describe, expect, it } from "vitest";
import { isLocalDateTime, localToUtc, utcToLocal, zoneOffsetMinutes } from "~/lib/time";

describe("town time zone", () => {
  it("converts Paris wall-clock times to UTC across DST", () => {
    expect(localToUtc("2026-12-12T18:30")).toBe("2026-12-12T17:30:00.000Z"); // winter, UTC+1
    expect(localToUtc("2026-06-02T18:30")).toBe("2026-06-02T16:30:00.000Z"); // summer, UTC+2
    expect(localToUtc("2026-03-29T03:30")).toBe("2026-03-29T01:30:00.000Z"); // just after the spring change
    expect(zoneOffsetMinutes(Date.parse("2026-01-01T00:00:00Z"))).toBe(60);
  });
  it("round-trips", () => {
    for (const s of ["2026-12-12T18:30", "2026-07-14T22:00", "2027-01-01T00:00"]) expect(utcToLocal(localToUtc(s))).toBe(s);
  });
  it("rejects impossible dates", () => {
    expect(isLocalDateTime("2026-02-30T10:00")).toBe(false);
    expect(isLocalDateTime("2026-12-12T25:00")).toBe(false);
    expect(isLocalDateTime("12/12/2026 18:30")).toBe(false);
    expect(() => localToUtc("nope")).toThrow(RangeError);
  });
});

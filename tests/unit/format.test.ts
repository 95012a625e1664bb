import { describe, expect, it } from "vitest";
import { formatDateLong, formatDateTime, formatMoney, formatNumber } from "~/lib/format";

describe("locale formatting", () => {
  it("writes dates in full, in Paris time", () => {
    expect(formatDateLong("2026-12-12T10:00:00Z", "fr")).toBe("samedi 12 décembre 2026");
    expect(formatDateLong("2026-12-12T10:00:00Z", "en")).toBe("Saturday, 12 December 2026");
    // 23:30 UTC on 31 December is already 1 January in Paris
    expect(formatDateLong("2026-12-31T23:30:00Z", "fr")).toBe("vendredi 1 janvier 2027");
    expect(formatDateTime("2026-06-02T16:30:00Z", "fr")).toBe("mardi 2 juin 2026 à 18:30");
  });
  it("formats numbers and money per locale", () => {
    expect(formatNumber(1234567.5, "fr")).toBe("1\u202f234\u202f567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatMoney(4500000, "fr")).toBe("45\u202f000\u00a0€");
    expect(formatMoney(6150, "en")).toBe("€61.50");
  });
});

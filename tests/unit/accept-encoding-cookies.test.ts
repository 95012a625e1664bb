/**
 * The two header readers shared by the page cache, the export store, the guard and the
 * session: Accept-Encoding (a coding named with q=0 wins over `*`; an invalid q counts as 0)
 * and the Cookie header (names and values decoded; undecodable pairs skipped).
 */
import { describe, expect, it } from "vitest";
import { acceptsEncoding, pickEncoding } from "~/lib/accept-encoding";
import { cookieNames, cookiePairs } from "~/lib/cookies";

describe("acceptsEncoding", () => {
  it("reads q values and `*` as RFC 9110 says", () => {
    const cases: [string | undefined, boolean][] = [
      ["gzip", true],
      ["GZIP", true],
      ["gzip, deflate, br", true],
      ["br;q=1, gzip;q=0.5", true],
      ["*", true],
      [undefined, false],
      ["", false],
      ["br", false],
      ["gzip;q=0", false],
      ["gzip;q=0, *", false], // found by the attack review: a hit was gzip anyway
      ["*;q=0", false],
      ["gzip;q=abc", false],
      ["gzip;q=2", false],
      ["gzip; q=0.001", true],
      ["identity, *;q=0.5", true],
    ];
    for (const [header, expected] of cases) expect(acceptsEncoding(header, "gzip"), String(header)).toBe(expected);
  });

  it("pickEncoding follows the same reading", () => {
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("br;q=abc, gzip;q=0, *")).toBeNull();
    expect(pickEncoding("*")).toBe("br");
  });
});

describe("cookies", () => {
  it("decodes names and values and skips what does not decode", () => {
    expect(cookiePairs("a=1; conseil%5Fsession=x%20y; b=%%%; =z")).toEqual([["a", "1"], ["conseil_session", "x y"], ["", "z"]]);
    expect(cookieNames("lng=abc; conseil%5Fsession=1; bad%=2")).toEqual(["lng", "conseil_session", "bad%"]);
    expect(cookieNames(undefined)).toEqual([]);
  });
});

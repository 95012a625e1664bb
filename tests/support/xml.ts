/**
 * A strict XML 1.0 reading for tests: every character must match the Char production
 * (https://www.w3.org/TR/xml/#charsets) — parsers are lenient there — and @xmldom/xmldom
 * must report no warning or error. Returns the document.
 */
import { DOMParser, type Document } from "@xmldom/xmldom";

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseStrictXml(text: string, what = "document"): Document {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`${what}: character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at ${bad.index} is not allowed in XML 1.0`);
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(text, "application/xml");
  if (problems.length) throw new Error(`${what}: ${problems.join("; ")}`);
  return doc;
}

export const ATOM_NS = "http://www.w3.org/2005/Atom";

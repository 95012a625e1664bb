/**
 * The one way the product writes XML (Atom feeds now, anything later). Pure.
 * Owns: turning a small element tree into an XML 1.0 document where every text and every
 * attribute value has gone through `xmlText` (characters XML 1.0 forbids are dropped:
 * https://www.w3.org/TR/xml/#charsets) and is escaped by xmlbuilder2. Serialisation runs
 * with xmlbuilder2's well-formedness checks on, so a document that slipped past would fail
 * loudly here instead of reaching feed readers broken.
 */
import { create } from "xmlbuilder2";
import { xmlText } from "./text";

export interface XmlElement {
  /** Qualified name: "entry", or "reg:entry" with the prefix declared on an ancestor. */
  name: string;
  /** Namespace URI, for the root (becomes its default namespace). */
  ns?: string;
  attrs?: Record<string, string | number | null | undefined>;
  children?: XmlChild[];
}
export type XmlChild = XmlElement | string | null | undefined | false;

/** An element; `children` are elements or text (null / false are skipped). */
export function el(name: string, attrs?: XmlElement["attrs"], ...children: XmlChild[]): XmlElement {
  return { name, attrs, children };
}

type Builder = ReturnType<typeof create>;

// Prefixed attributes the serializer must see in their own namespace to accept them.
const ATTR_NS: Record<string, string> = { xmlns: "http://www.w3.org/2000/xmlns/", xml: "http://www.w3.org/XML/1998/namespace" };

function add(parent: Builder, node: XmlElement): void {
  const e = node.ns ? parent.ele(node.ns, node.name) : parent.ele(node.name);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v === null || v === undefined) continue;
    const ns = ATTR_NS[k.split(":")[0]!];
    if (ns && k.includes(":")) e.att(ns, k, xmlText(String(v)));
    else e.att(k, xmlText(String(v)));
  }
  for (const c of node.children ?? []) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === "string") e.txt(xmlText(c));
    else add(e, c);
  }
}

/** The document: XML declaration (UTF-8), then `root`, indented. */
export function toXml(root: XmlElement): string {
  const doc = create({ version: "1.0", encoding: "utf-8" });
  add(doc, root);
  return doc.end({ prettyPrint: true, wellFormed: true });
}

/**
 * Reading Accept-Encoding (RFC 9110 §12.5.3), pure; used by the export store and the page
 * cache (its key, and the coding of a hit). A coding named with q=0 is refused even when `*`
 * is accepted; `*` stands for any coding not named; a q that is not a valid qvalue
 * (`q=abc`, `q=2`) counts as 0, as the compression middleware reads it.
 */
function qualities(acceptEncoding: string | null | undefined): Map<string, number> {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name?.trim()) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    let q = 1;
    if (qParam !== undefined) {
      const v = qParam.slice(2).trim();
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(v) ? Number(v) : 0;
    }
    accepted.set(name.trim(), q);
  }
  return accepted;
}

/** Whether the client takes `coding` ("gzip", "br"): named with q > 0, or not named and `*` with q > 0. */
export function acceptsEncoding(acceptEncoding: string | null | undefined, coding: string): boolean {
  const accepted = qualities(acceptEncoding);
  return (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0;
}

/** Which precompressed body to send: brotli, then gzip, as the client allows, or null for the plain bytes. */
export function pickEncoding(acceptEncoding: string | null | undefined): "br" | "gzip" | null {
  const accepted = qualities(acceptEncoding);
  const ok = (n: string) => (accepted.get(n) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

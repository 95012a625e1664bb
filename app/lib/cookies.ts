/**
 * Reading a Cookie header (RFC 6265 §5.4), pure, for the code that decides on cookies before
 * or beside Remix: the session id (session.server.ts), the page cache's bypass, and the
 * request guard's `private, no-store`. Names and values are percent-decoded, as lucia and
 * Remix read them, so `conseil%5Fsession` is the session cookie everywhere; a pair that does
 * not decode (`a=%%%`) is skipped, never thrown.
 */
export function cookiePairs(header: string | null | undefined): [name: string, value: string][] {
  const out: [string, string][] = [];
  for (const item of (header ?? "").split(";")) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    try {
      out.push([decodeURIComponent(item.slice(0, eq).trim()), decodeURIComponent(item.slice(eq + 1).trim())]);
    } catch {
      continue;
    }
  }
  return out;
}

/** The decoded names of a Cookie header's cookies (a pair that does not decode keeps its raw name). */
export function cookieNames(header: string | null | undefined): string[] {
  return (header ?? "")
    .split(";")
    .map((item) => {
      const raw = item.split("=")[0]!.trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    })
    .filter(Boolean);
}

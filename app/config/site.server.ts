/**
 * The site's own address, from configuration (`PUBLIC_URL`), never from the request's
 * `Host` header: absolute links in feeds, calendars, open data and emails, the origin
 * check on state-changing requests, and redirect validation all read it here.
 *
 * PUBLIC_URL defaults to `http://localhost:${PORT || 3000}` for local use. A value that is
 * not an http(s) URL stops the server at start-up with a clear message.
 */

let cached: { raw: string | undefined; origin: string } | undefined;

/** "https://participation.example.fr" — scheme, host and port, no trailing slash. */
export function publicOrigin(): string {
  const raw = process.env.PUBLIC_URL;
  if (cached && cached.raw === raw) return cached.origin;
  const value = raw || `http://localhost:${process.env.PORT || 3000}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${JSON.stringify(value)} (expected e.g. https://participation.example.fr)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`PUBLIC_URL must start with http:// or https:// (got ${JSON.stringify(value)})`);
  }
  cached = { raw, origin: url.origin };
  return url.origin;
}

/** An absolute URL on this site for a path such as "/decisions/12". */
export function absoluteUrl(path: string): string {
  return publicOrigin() + (path.startsWith("/") ? path : `/${path}`);
}

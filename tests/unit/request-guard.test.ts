/** Refusals before the app: origin, body length, content type; redirects that stay on the site. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError, ForbiddenError } from "~/domain/errors";
import { baseHeaders, checkRequest, guardRoute, localeFromHeaders, refusalPage, refusalResponse, MAX_FORM_BYTES } from "~/utils/request-guard.server";
import { safeRedirect } from "~/utils/http.server";

const SITE = "https://participation.example.fr";
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.PUBLIC_URL;
  process.env.PUBLIC_URL = SITE;
});
afterEach(() => {
  if (saved === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = saved;
});

const form = { "content-type": "application/x-www-form-urlencoded", "content-length": "12" };

describe("origin check on state-changing requests", () => {
  it("accepts the site's own origin, or failing that its referer", () => {
    expect(checkRequest("POST", { ...form, origin: SITE })).toBeNull();
    expect(checkRequest("POST", { ...form, referer: `${SITE}/ideas/3` })).toBeNull();
    expect(checkRequest("GET", { origin: "http://evil.example" })).toBeNull();
  });
  it("lets mail providers post the one-click unsubscribe (RFC 8058), and nothing else", () => {
    expect(checkRequest("POST", { ...form }, "/unsubscribe")).toBeNull();
    expect(checkRequest("POST", { ...form, origin: "https://mail.example" }, "/unsubscribe")).toBeNull();
    expect(checkRequest("POST", { ...form }, "/unsubscribe.data")?.status).toBe(403);
    expect(checkRequest("POST", { ...form }, "/unsubscribe/x")?.status).toBe(403);
    expect(checkRequest("POST", { ...form }, "/account/preferences")?.status).toBe(403);
    expect(checkRequest("POST", { "content-type": "application/json", "content-length": "2" }, "/unsubscribe")?.status).toBe(415);
  });
  it("refuses other sites, opaque origins and requests that say nothing, for every method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(checkRequest(method, { ...form, origin: "http://evil.example" })).toEqual({ status: 403, kind: "origin" });
    }
    expect(checkRequest("POST", { ...form, origin: "null" })?.status).toBe(403);
    expect(checkRequest("POST", { ...form })?.status).toBe(403);
    expect(checkRequest("POST", { ...form, origin: "https://participation.example.fr.evil.example" })?.status).toBe(403);
    expect(checkRequest("POST", { ...form, origin: "http://participation.example.fr" })?.status).toBe(403); // scheme matters
    expect(checkRequest("POST", { ...form, referer: "http://evil.example/?u=https://participation.example.fr/" })?.status).toBe(403);
    // an Origin header that is wrong is not rescued by a right Referer
    expect(checkRequest("POST", { ...form, origin: "http://evil.example", referer: `${SITE}/` })?.status).toBe(403);
  });
  it("does not trust the Host header", () => {
    expect(checkRequest("POST", { ...form, host: "evil.example", origin: "http://evil.example" })?.status).toBe(403);
  });
});

describe("bodies", () => {
  const o = { origin: SITE };
  it("must be forms", () => {
    for (const type of ["application/json", "text/plain", "", "application/xml"]) {
      expect(checkRequest("POST", { ...o, "content-type": type, "content-length": "2" }), type).toEqual({ status: 415, kind: "contentType" });
    }
    expect(checkRequest("POST", { ...o, "content-length": "2" })?.status).toBe(415);
    expect(checkRequest("POST", { ...o, "content-type": "multipart/form-data; boundary=x", "content-length": "2" })).toBeNull();
    expect(checkRequest("POST", { ...o, "content-type": "Application/X-WWW-Form-Urlencoded;charset=UTF-8", "content-length": "2" })).toBeNull();
  });
  it("multipart needs its boundary (found by the fuzz: a 500 before)", () => {
    for (const type of ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; charset=utf-8", 'multipart/form-data; boundary=""']) {
      expect(checkRequest("POST", { ...o, "content-type": type, "content-length": "2" }), type).toEqual({ status: 415, kind: "contentType" });
    }
    expect(checkRequest("POST", { ...o, "content-type": 'multipart/form-data; boundary="a b"', "content-length": "2" })).toBeNull();
  });
  it("a body that is not the form its type says is a 400 from the route's guard, not a 500", async () => {
    const action = guardRoute(async ({ request }: { request: Request }) => {
      await request.formData();
      return "stored";
    });
    const post = (type: string, body: string) => new Request("http://localhost/ideas/new", { method: "POST", body, headers: { "Content-Type": type } });
    for (const [type, body] of [["multipart/form-data; boundary=fuzz", "title=x"], ["multipart/form-data; boundary=fuzz", "--fuzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"]]) {
      const thrown = await action({ request: post(type!, body!) } as never).catch((e: unknown) => e);
      expect(thrown, `${type} ${body}`).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
    }
    expect(await action({ request: post("application/x-www-form-urlencoded", "title=x") } as never)).toBe("stored");
  });
  it("must say their length and stay under the limit", () => {
    expect(checkRequest("POST", { ...o, "content-type": form["content-type"] })).toEqual({ status: 411, kind: "length" });
    expect(checkRequest("POST", { ...o, ...form, "content-length": String(MAX_FORM_BYTES + 1) })).toEqual({ status: 413, kind: "tooLarge" });
    expect(checkRequest("POST", { ...o, ...form, "content-length": "52428800" })?.status).toBe(413);
    expect(checkRequest("POST", { ...o, ...form, "content-length": "-1" })?.status).toBe(411);
  });
});

describe("refusal pages", () => {
  it("explain in the visitor's language", () => {
    expect(localeFromHeaders({ "accept-language": "en-GB,en;q=0.9" })).toBe("en");
    expect(localeFromHeaders({})).toBe("fr");
    const lng = Buffer.from(JSON.stringify("en")).toString("base64");
    expect(localeFromHeaders({ cookie: `a=b; lng=${encodeURIComponent(lng)}`, "accept-language": "fr" })).toBe("en");
    expect(refusalPage({ status: 403, kind: "origin" }, "fr")).toContain("Rien n'a été enregistré");
    expect(refusalPage({ status: 413, kind: "tooLarge" }, "en")).toContain("1024 KB");
    expect(refusalPage({ status: 403, kind: "origin" }, "en")).toMatch(/<html lang="en">/);
  });
  it("domain refusals become their 4xx, other errors stay errors", async () => {
    expect(refusalResponse(new ForbiddenError("moderation.act")).status).toBe(403);
    expect(refusalResponse(new DomainError("errors.ideaClosed", 409)).status).toBe(409);
    expect(() => refusalResponse(new TypeError("bug"))).toThrow(TypeError);
  });
});

describe("safeRedirect", () => {
  it("keeps paths on this site, normalised", () => {
    expect(safeRedirect("/ideas/3?x=1#c")).toBe("/ideas/3?x=1#c");
    expect(safeRedirect("/a/../ideas")).toBe("/ideas");
  });
  it("refuses anything that would leave the site once a URL parser reads it", () => {
    for (const bad of ["/\t/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\n/evil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)", " /x", "/%09/evil.example/..", "", "evil"]) {
      const out = safeRedirect(bad, "/");
      expect(new URL(out, SITE).origin, JSON.stringify(bad)).toBe(SITE);
      expect(out.startsWith("//")).toBe(false);
    }
    expect(safeRedirect("/\t/evil.example", "/home")).toBe("/home");
  });
});

describe("legacy data requests and cookies, read decoded", () => {
  it("?_data is refused however its name is encoded, and only as a parameter name", () => {
    for (const search of ["?_data=root", "?%5Fdata=root", "?_dat%61", "?a=1&%5F%64ata=x", "?_data"]) {
      expect(checkRequest("GET", {}, "/ideas", search), search).toEqual({ status: 400, kind: "dataParam" });
    }
    for (const search of ["?q=_data", "?x_data=1", "?data=1", "?q=%5Fdata"]) expect(checkRequest("GET", {}, "/ideas", search), search).toBeNull();
  });

  it("an encoded session cookie name is the session cookie (private, no-store)", () => {
    expect(baseHeaders({ cookie: "conseil%5Fsession=abc" })["Cache-Control"]).toBe("private, no-store");
    expect(baseHeaders({ cookie: "lng=ImZyIg%3D%3D" })["Cache-Control"]).toBeUndefined();
    expect(baseHeaders({ cookie: "a=%%%; conseil_session=abc" })["Cache-Control"]).toBe("private, no-store");
  });
});

/**
 * Exports are built once per data version and served with a strong ETag and precompressed
 * bodies (issue #13): a second download is the same bytes without a rebuild, If-None-Match
 * gives 304, brotli and gzip decode to the same bytes, and a write builds them again.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import * as download from "~/routes/open-data.$file";
import * as openData from "~/routes/open-data._index";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { pickEncoding } from "~/lib/accept-encoding";
import type { Actor } from "~/domain/accounts/policy";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";

let author: Actor;
let councilId: number;

beforeAll(async () => {
  emptyTown();
  councilId = makeCouncil("Les Acacias").id;
  author = await makeUser({ name: "Inès Export" });
  submitIdea(author, { title: "Un abri à vélos couvert", body: "Devant la médiathèque, pour une vingtaine de vélos.", theme: "mobility", councilId, place: "" });
});

const get = (file: string, headers: Record<string, string> = {}) =>
  download.loader({ request: new Request(`http://localhost/open-data/${file}`, { headers }), params: { file }, context: {} }) as Promise<Response>;

describe("built exports", () => {
  it("builds ideas.csv once per data version, and again after a write", async () => {
    const first = await get("ideas.csv");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const text = await first.text();
    expect(text).toContain("Un abri à vélos couvert");
    const again = await get("ideas.csv");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe(text);
    submitIdea(author, { title: "Des nichoirs dans le parc", body: "Pour les mésanges et les rouges-gorges du quartier.", theme: "environment", councilId, place: "" });
    const after = await get("ideas.csv");
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(await after.text()).toContain("Des nichoirs dans le parc");
  });

  it("answers If-None-Match with 304, and a stale tag with the file", async () => {
    const { headers } = await get("ideas.json");
    const etag = headers.get("ETag")!;
    const notModified = await get("ideas.json", { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const other = await get("ideas.json", { "If-None-Match": '"something-else"' });
    expect(other.status).toBe(200);
  });

  it("sends brotli or gzip as accepted, decoding to the same bytes", async () => {
    const plain = Buffer.from(await (await get("ideas.csv")).arrayBuffer());
    const br = await get("ideas.csv", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plain)).toBe(true);
    const gz = await get("ideas.csv", { "Accept-Encoding": "gzip" });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
    expect(gz.headers.get("ETag")).toBe(br.headers.get("ETag"));
    expect(gz.headers.get("Vary")).toContain("Accept-Encoding");
  });

  it("the signed checkpoint is made per request (it is dated now)", async () => {
    const a = JSON.parse(await (await get("register-checkpoint.json")).text()) as { time: string };
    await new Promise((r) => setTimeout(r, 5));
    const b = JSON.parse(await (await get("register-checkpoint.json")).text()) as { time: string };
    expect(b.time > a.time).toBe(true);
  });

  it("the open-data page shows the built size of each file", async () => {
    const page = (await openData.loader({ request: new Request("http://localhost/open-data"), params: {}, context: {} })) as { sets: { file: string; bytes: number }[] };
    const csv = page.sets.find((s) => s.file === "ideas.csv")!;
    expect(csv.bytes).toBe((await (await get("ideas.csv")).arrayBuffer()).byteLength);
  });
});

describe("pickEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding(null)).toBeNull();
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("*;q=0, gzip")).toBe("gzip");
  });
});

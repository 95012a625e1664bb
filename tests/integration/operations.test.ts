/**
 * Operations on the real server: /health, request logs without personal data, request ids,
 * and a graceful shutdown that lets a request in flight finish.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "#db/client.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { emptyTown, makeUser } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";

let srv: TestServer;

beforeAll(async () => {
  emptyTown();
  const u = await makeUser({ email: "personne.privee@exemple.fr" });
  for (let i = 0; i < 50; i++) submitIdea(u, { title: `Une idée de plus, la ${i}e`, body: "Un texte assez long pour être une vraie idée du quartier.", theme: "culture", councilId: null, place: "" });
  sqlite().pragma("wal_checkpoint(TRUNCATE)");
  srv = await startServer({ LOG_LEVEL: "info" });
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe("operations", () => {
  it("/health answers 200 with its checks, never cached", async () => {
    const res = await fetch(`${srv.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { status: string; database: string; migrations: number };
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.migrations).toBeGreaterThan(10);
  });

  it("logs one JSON line per request with its id, and no personal data", async () => {
    const res = await fetch(`${srv.url}/search?q=personne.privee%40exemple.fr`, { headers: { "X-Request-Id": "trace-1234abcd", Cookie: "conseil_session=abcdef" } });
    expect(res.headers.get("x-request-id")).toBe("trace-1234abcd");
    const bad = await fetch(`${srv.url}/`, { headers: { "X-Request-Id": "<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // a page answered from the page cache (before Express) is logged the same way
    let hit: Response | undefined;
    for (let i = 0; i < 3 && hit?.headers.get("x-page-cache") !== "hit"; i++) {
      hit = await fetch(`${srv.url}/rules`, { headers: { "X-Request-Id": `trace-hit-${i}-5678` } });
      await hit.text();
    }
    expect(hit!.headers.get("x-page-cache")).toBe("hit");
    const hitId = hit!.headers.get("x-request-id")!;
    expect(hitId).toMatch(/^trace-hit-\d-5678$/);
    await new Promise((r) => setTimeout(r, 200));
    const lines = srv
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { req?: { id: string; path: string }; res?: { status: number }; responseTime?: number });
    const line = lines.find((l) => l.req?.id === "trace-1234abcd");
    expect(line).toMatchObject({ req: { method: "GET", path: "/search" }, res: { status: 200 } });
    expect(typeof line!.responseTime).toBe("number");
    expect(lines.find((l) => l.req?.id === hitId)).toMatchObject({ req: { method: "GET", path: "/rules" }, res: { status: 200 } });
    const all = srv.output();
    expect(all).not.toContain("personne.privee");
    expect(all).not.toContain("abcdef");
    expect(all).not.toContain("127.0.0.1");
  });

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const inFlight = fetch(`${srv.url}/ideas?page=2`);
    await new Promise((r) => setTimeout(r, 5));
    srv.proc.kill("SIGTERM");
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("</html>");
    const code = await new Promise<number | null>((r) => (srv.proc.exitCode !== null ? r(srv.proc.exitCode) : srv.proc.once("exit", (c) => r(c))));
    expect(code).toBe(0);
    expect(srv.output()).toContain('"msg":"stopped"');
  });
});

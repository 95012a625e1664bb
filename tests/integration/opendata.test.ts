/** Every dataset in the open-data registry is listed with a format and size, and downloads. */
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import * as openData from "~/routes/open-data._index";
import * as download from "~/routes/open-data.$file";
import { datasets } from "~/domain/opendata/registry.server";
import { demoTown } from "../support/fixtures";
import { getRequest, run } from "../support/http";

beforeAll(demoTown);

describe("open data", () => {
  it("lists every registered dataset with format and size", async () => {
    const page = await run(openData.loader, getRequest("/open-data"));
    const files = page.data.sets.map((s: { file: string }) => s.file);
    expect(files).toEqual(datasets().map((d) => d.file));
    expect(files).toEqual(expect.arrayContaining(["register.json", "register.csv", "rules.json", "rules.csv", "decisions.atom"]));
    for (const s of page.data.sets) expect(s.bytes).toBeGreaterThan(100);
    expect(page.data.licence.name).toContain("Licence Ouverte 2.0");
  });

  it("serves each file with its content type", async () => {
    for (const d of datasets().filter((x) => !x.href)) {
      const res = await download.loader({ request: getRequest(`/open-data/${d.file}`), params: { file: d.file }, context: {} });
      expect(res.headers.get("Content-Type")).toBe(d.contentType);
      const text = await res.text();
      if (d.format === "JSON") expect(() => JSON.parse(text)).not.toThrow();
      if (d.format === "CSV") expect(parse(text, { columns: true }).length).toBeGreaterThan(0);
    }
    const missing = await run(download.loader, getRequest("/open-data/nope.csv"), { file: "nope.csv" });
    expect(missing.status).toBe(404);
  });
});

/**
 * react-dom 18.3.1's Node stream writer sent the whole 2048-byte view when a string did not
 * fit, zero bytes included: pages held NUL bytes wherever a two-byte letter straddled a view
 * boundary. patches/react-dom+18.3.1.patch (applied by patch-package on install) sends only
 * the bytes written; this test puts "é" across the boundary at every offset.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

// Both builds are patched: tests run the development one, `npm start` the production one.
const require = createRequire(import.meta.url);
type Render = typeof import("react-dom/server").renderToPipeableStream;
// The package's "exports" hide cjs/, so the files are loaded by path.
const cjs = (file: string) => path.join(path.dirname(require.resolve("react-dom/package.json")), "cjs", file);
const builds: Record<string, Render> = {
  development: require(cjs("react-dom-server.node.development.js")).renderToPipeableStream,
  production: require(cjs("react-dom-server.node.production.min.js")).renderToPipeableStream,
};

function stream(renderToPipeableStream: Render, tree: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (c: Buffer) => chunks.push(Buffer.from(c)));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(tree, {
      onAllReady: () => pipe(sink),
      onError: reject,
    });
  });
}

describe.each(Object.keys(builds))("react-dom server stream (%s build)", (build) => {
  it("never sends NUL bytes when a two-byte letter straddles the 2048-byte view", async () => {
    let straddled = 0;
    for (let offset = 0; offset < 64; offset++) {
      // Paragraphs shorter than 682 characters take the encodeInto path; the prefix moves
      // every later boundary by one byte per step.
      const tree = createElement(
        "main",
        null,
        createElement("span", null, "x".repeat(offset + 1)),
        ...Array.from({ length: 12 }, (_, i) => createElement("p", { key: i }, `Café ${i} `.repeat(30) + "é".repeat(101))),
      );
      const bytes = await stream(builds[build]!, tree);
      expect(bytes.includes(0), `offset ${offset}`).toBe(false);
      expect(bytes.toString("utf8"), `offset ${offset}`).toBe(renderToStaticMarkup(tree));
      if (bytes.length > 2048) straddled++;
    }
    expect(straddled).toBe(64);
  });
});

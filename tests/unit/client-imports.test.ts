/** The check that code sent to the browser never uses values from `.server` modules. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile, findViolations } from "../../scripts/check-client-imports";

const root = path.resolve(__dirname, "../..");
const route = (name: string) => path.join(root, "app/routes", name);

describe("client/server import check", () => {
  it("the app has no violation", () => {
    expect(findViolations(root).map((v) => v.message)).toEqual([]);
  });

  it("flags a schema from a .server module used by the component", () => {
    const src = `
      import { useForm } from "@conform-to/react";
      import { FooSchema, saveFoo } from "~/domain/foo/foo.server";
      export async function action() { return saveFoo(FooSchema.parse({})); }
      export default function Page() { const [f] = useForm({ onValidate: () => FooSchema.parse({}) }); return null; }
    `;
    const v = checkFile(route("foo.tsx"), root, src);
    expect(v.map((x) => x.name)).toEqual(["FooSchema"]);
  });

  it("flags a constant reached through a helper the component calls", () => {
    const src = `
      import { KINDS } from "~/domain/search/search.server";
      function options() { return KINDS.map((k) => k); }
      export default function Page() { return options(); }
    `;
    expect(checkFile(route("bar.tsx"), root, src).map((x) => x.name)).toEqual(["KINDS"]);
  });

  it("allows values used only by loader and action, and type-only imports", () => {
    const src = `
      import { listFoo, type Foo } from "~/domain/foo/foo.server";
      import type { Bar } from "~/domain/bar/bar.server";
      function load() { return listFoo(); }
      export async function loader() { return load(); }
      export default function Page(p: { foo: Foo; bar: Bar }) { return null; }
    `;
    expect(checkFile(route("ok.tsx"), root, src)).toEqual([]);
  });

  it("flags any value import from a .server module outside routes", () => {
    const src = `import { db } from "#db/client.server";\nexport const x = () => db;`;
    const v = checkFile(path.join(root, "app/components/x.tsx"), root, src);
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain("app/components/x.tsx:1");
  });

  it("ignores .server modules themselves", () => {
    expect(checkFile(path.join(root, "app/domain/x/x.server.ts"), root, `import { db } from "#db/client.server";`)).toEqual([]);
  });
});

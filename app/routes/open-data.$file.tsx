/**
 * Downloads one dataset of the open-data registry: built once per data version and served
 * from memory with a strong ETag (If-None-Match → 304) and a precompressed body (brotli or
 * gzip, as the client accepts) — app/domain/opendata/export-store.server.ts.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { builtExport, encodedBody } from "~/domain/opendata/export-store.server";
import { pickEncoding } from "~/lib/accept-encoding";
import { findDataset } from "~/domain/opendata/registry.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";
import { notFound } from "~/utils/http.server";

/** A kept Buffer as a response body, without copying it (a Buffer is a Uint8Array). */
const bytes = (b: Buffer) => b as unknown as BodyInit;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = findDataset(params.file ?? "");
  if (!d) notFound();
  const built = builtExport(d, { locale: await getLocale(request), townName: getTown().name });
  const headers = new Headers({
    "Content-Type": d.contentType,
    "Content-Disposition": `inline; filename="${d.file}"`,
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "public, max-age=60",
    ETag: built.etag,
    Vary: "Accept-Encoding, Accept-Language, Cookie",
  });
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === built.etag)) return new Response(null, { status: 304, headers });
  const encoding = pickEncoding(request.headers.get("Accept-Encoding"));
  if (!encoding) return new Response(bytes(built.body), { headers });
  headers.set("Content-Encoding", encoding);
  return new Response(bytes(await encodedBody(built, encoding)), { headers });
}

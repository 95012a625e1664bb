/**
 * Photos of project updates, served from the uploads folder with the type their bytes were
 * checked to be when stored (never guessed from the name), as attachments the browser may
 * show inline but not sniff.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { photoOf } from "~/domain/budgets/implementation.server";
import { readPhoto } from "~/domain/budgets/uploads.server";
import { notFound } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const name = params.name ?? "";
  const row = photoOf(name);
  const bytes = row?.type ? readPhoto(name) : null;
  if (!row?.type || !bytes) notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": row.type,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "public, max-age=86400, immutable",
    },
  });
}

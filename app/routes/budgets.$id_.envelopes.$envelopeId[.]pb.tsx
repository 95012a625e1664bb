/**
 * An envelope's anonymised ballots as a Pabulib file, once counted: anyone can recompute the
 * result (`npm run -s pb -- allocate FILE --rule RULE`, the rule named in the file's META).
 * The stored file is exactly the one the published results were computed from.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { envelopesOf, getBudget } from "~/domain/budgets/budgets.server";
import { idParam, notFound } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const b = getBudget(idParam(params.id));
  if (!b) notFound();
  const envelopeId = idParam(params.envelopeId);
  const e = envelopesOf(b.id).find((x) => x.id === envelopeId);
  if (!e || !e.pb) notFound();
  const name = `${b.slug}-${e.councilId === null ? "ville" : `conseil-${e.councilId}`}.pb`;
  return new Response(e.pb, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}

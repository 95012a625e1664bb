/**
 * The desk, for facilitators: verify a resident in person. Find them in the census, check
 * their document (its type is recorded, never the document), and attach the verification to
 * their account by its email. Residents without an account can still vote at the desk.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Field, FormErrors, SelectField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { DOCUMENT_TYPES } from "#db/enums";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { searchCensus } from "~/domain/residency/census.server";
import { verifyInPerson } from "~/domain/residency/residency.server";
import { CensusSearchSchema, DeskVerifySchema } from "~/domain/residency/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { handleForm } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

async function requireDesk(request: Request) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "residency.verify")) throw new Response("Forbidden", { status: 403 });
  return actor;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireDesk(request);
  const url = new URL(request.url);
  const { q } = CensusSearchSchema.parse({ q: url.searchParams.get("q") ?? undefined });
  const t = await getFixedT(request);
  const townWide = can(actor, "residency.verify", { councilId: null });
  const mine = actor.assignments.filter((a) => a.role === "facilitator" && a.councilId !== null).map((a) => a.councilId!);
  return {
    title: t("deskResidents.title"),
    q,
    results: q ? searchCensus(q, { councilIds: townWide ? null : mine }) : [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireDesk(request);
  return handleForm(await request.formData(), DeskVerifySchema, (v) => (verifyInPerson(actor, v), redirect("/desk/residents?verified=1")));
}

function VerifyForm({ entryId, lastResult }: { entryId: number; lastResult: ReturnType<typeof useActionData<typeof action>> }) {
  const { t } = useTranslation();
  const mine = lastResult?.initialValue?.censusEntryId === String(entryId) ? lastResult : undefined;
  const [form, fields] = useSchemaForm(DeskVerifySchema, { id: `verify-${entryId}`, lastResult: mine, defaultValue: { censusEntryId: String(entryId) } });
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <OnceField />
      <input {...getInputProps(fields.censusEntryId, { type: "hidden" })} />
      <FormErrors errors={form.errors} />
      <Field label={t("deskResidents.email")} hint={t("deskResidents.emailHint")} errors={fields.email.errors} {...getInputProps(fields.email, { type: "email", ariaAttributes: false })} id={fields.email.id} />
      <SelectField label={t("deskResidents.document")} hint={t("deskResidents.documentHint")} errors={fields.documentType.errors} {...getSelectProps(fields.documentType, { ariaAttributes: false })} id={fields.documentType.id}>
        <option value="">{t("form.choose")}</option>
        {DOCUMENT_TYPES.map((d) => (
          <option key={d} value={d}>{t(`residency.documents.${d}`)}</option>
        ))}
      </SelectField>
      <button type="submit" className="btn btn-primary btn-small">{t("deskResidents.verify")}</button>
    </Form>
  );
}

export default function DeskResidentsRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { q, results } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="wrap page">
      <h1>{t("deskResidents.title")}</h1>
      <p className="lead">{t("deskResidents.intro")}</p>
      {params.get("verified") ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("deskResidents.done")}</p></div>
      ) : null}
      <Form method="get" role="search" className="card search-form">
        <div className="search-row">
          <div className="field grow">
            <label htmlFor="q">{t("desk.search")}</label>
            <p id="q-hint" className="hint">{t("desk.searchHint")}</p>
            <input id="q" type="search" name="q" defaultValue={q} aria-describedby="q-hint" autoComplete="off" />
          </div>
          <button type="submit" className="btn btn-primary"><Icon name="search" /> {t("search.submit")}</button>
        </div>
      </Form>
      {q ? (
        results.length ? (
          <ul className="plain stack">
            {results.map((r) => (
              <li key={r.id} className="card">
                <h2 className="h3"><Icon name="user" /> {r.givenNames} {r.familyName}</h2>
                <p className="small">{t("desk.born", { date: formatDateLong(r.birthDate, locale) })} · {r.address} · {r.councilName ?? t("scope.town")}</p>
                <VerifyForm entryId={r.id} lastResult={lastResult} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("desk.none")}</p>
        )
      ) : null}
      <p className="small muted">
        <Link to="/votes">{t("deskResidents.toVotes")}</Link>
      </p>
    </div>
  );
}

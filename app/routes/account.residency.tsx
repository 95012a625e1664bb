/**
 * My residency: whether I am a verified resident (and of which neighbourhood), and the
 * online claim — matching my census entry with the reference on the town's letter, my family
 * name and my birth date. The alternative in person is always offered.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Field, FormErrors } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { claimResidency, residencyStatus } from "~/domain/residency/residency.server";
import { ClaimSchema } from "~/domain/residency/schemas";
import { getTown } from "~/domain/town/town.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { handleForm } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  return { title: t("residency.title"), status: residencyStatus(actor.userId), verified: !!actor.residency, deskInfo: getTown().deskInfo };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return handleForm(await request.formData(), ClaimSchema, (v) => (claimResidency(actor, v), redirect("/account/residency?verified=1")));
}

export default function ResidencyRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, verified, deskInfo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(ClaimSchema, { id: "claim", lastResult });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/account">{t("account.title")}</Link></li>
          <li aria-current="page">{t("residency.title")}</li>
        </ol>
      </nav>
      <h1>{t("residency.title")}</h1>
      {params.get("verified") ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("residency.verifiedNow")}</p></div>
      ) : null}
      {status && verified ? (
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title" className="h3"><Icon name="shield" /> {t("residency.verifiedTitle")}</h2>
          <p>
            {t("residency.verifiedIn", { council: status.councilName ?? t("scope.town") })} — {t(`residency.methods.${status.method}`)},{" "}
            {formatDateLong(status.verifiedAt, locale)}.
          </p>
          <p>{t("residency.canVote")}</p>
          <p><Link to="/votes" className="btn"><Icon name="vote" /> {t("residency.seeVotes")}</Link></p>
        </section>
      ) : (
        <>
          {status && !verified ? <p className="notice notice-warning">{t("residency.lapsed")}</p> : null}
          <p className="lead">{t("residency.intro")}</p>
          <Form method="post" className="card form-card" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <Field label={t("residency.reference")} hint={t("residency.referenceHint")} autoComplete="off" errors={fields.reference.errors} {...getInputProps(fields.reference, { type: "text", ariaAttributes: false })} id={fields.reference.id} />
            <Field label={t("residency.familyName")} autoComplete="family-name" errors={fields.familyName.errors} {...getInputProps(fields.familyName, { type: "text", ariaAttributes: false })} id={fields.familyName.id} />
            <Field label={t("residency.birthDate")} hint={t("residency.birthDateHint")} autoComplete="bday" errors={fields.birthDate.errors} {...getInputProps(fields.birthDate, { type: "text", ariaAttributes: false })} id={fields.birthDate.id} />
            <p className="hint">{t("residency.privacy")}</p>
            <button type="submit" className="btn btn-primary">{t("residency.submit")}</button>
          </Form>
          <section className="card" aria-labelledby="desk-title">
            <h2 id="desk-title" className="h3"><Icon name="users" /> {t("residency.inPersonTitle")}</h2>
            <p>{t("residency.inPerson")}</p>
            {deskInfo ? <p className="desk-info"><Icon name="map" size={16} /> {deskInfo}</p> : null}
          </section>
        </>
      )}
    </div>
  );
}

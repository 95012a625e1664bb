/** How I hear from the town: the channel, what about, at once or in a daily digest, and the language. */
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { useSchemaForm } from "~/components/forms";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { accountSummary } from "~/domain/accounts/users.server";
import { DELIVERY_CHANNELS, TOPICS } from "~/domain/notifications/kinds";
import { getPreferences, setPreferences } from "~/domain/notifications/preferences.server";
import { PreferencesSchema } from "~/domain/notifications/schemas";
import { getFixedT, languageCookie } from "~/i18next.server";
import { handleForm } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  const p = getPreferences(actor.userId);
  return { title: t("preferences.title"), prefs: p, emailVerified: !!accountSummary(actor.userId)?.emailVerifiedAt };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await request.formData();
  // The site follows the language chosen for messages.
  const cookie = await languageCookie.serialize(formData.get("locale") === "en" ? "en" : "fr");
  return handleForm(formData, PreferencesSchema, (v) => {
    setPreferences(actor, v);
    return redirect("/account/preferences?saved=1", { headers: { "Set-Cookie": cookie } });
  });
}

export default function PreferencesRoute() {
  const { t } = useTranslation();
  const { prefs, emailVerified } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(PreferencesSchema, { id: "preferences", lastResult, defaultValue: { ...prefs, digest: prefs.digest ? "on" : undefined } });
  const chosen = (fields.channel.initialValue as string | undefined) ?? prefs.channel;
  const topics = (fields.topics.initialValue as string[] | string | undefined) ?? prefs.topics;
  const topicList = Array.isArray(topics) ? topics : [topics];
  return (
    <div className="wrap page narrow">
      <h1>{t("preferences.title")}</h1>
      <AccountNav />
      <p className="lead">{t("preferences.intro")}</p>
      {params.get("saved") ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" /> <p>{t("preferences.saved")}</p>
        </div>
      ) : null}
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <fieldset className="fieldset" aria-describedby={`${fields.channel.id}-error`}>
          <legend>{t("preferences.channel")}</legend>
          {DELIVERY_CHANNELS.map((c) => (
            <label key={c} className="radio">
              <input type="radio" name={fields.channel.name} value={c} defaultChecked={chosen === c} /> {t(`preferences.channels.${c}`)}
            </label>
          ))}
          {!emailVerified ? <p className="hint">{t("preferences.emailUnverified")}</p> : null}
          <ErrorList id={`${fields.channel.id}-error`} errors={fields.channel.errors} />
        </fieldset>
        <Field label={t("preferences.phone")} hint={t("preferences.phoneHint")} errors={fields.phone.errors} autoComplete="tel" {...getInputProps(fields.phone, { type: "tel", ariaAttributes: false })} id={fields.phone.id} />
        <TextareaField label={t("preferences.postalAddress")} hint={t("preferences.postalAddressHint")} rows={4} errors={fields.postalAddress.errors} autoComplete="street-address" {...getTextareaProps(fields.postalAddress, { ariaAttributes: false })} id={fields.postalAddress.id} />
        <fieldset className="fieldset">
          <legend>{t("preferences.topics")}</legend>
          {TOPICS.map((k) => (
            <label key={k} className="radio">
              <input type="checkbox" name={fields.topics.name} value={k} defaultChecked={topicList.includes(k)} /> {t(`preferences.topicNames.${k}`)}
            </label>
          ))}
          <p className="hint">{t("preferences.topicsHint")}</p>
        </fieldset>
        <div className="field checkbox">
          <input {...getInputProps(fields.digest, { type: "checkbox", ariaAttributes: false })} id={fields.digest.id} aria-describedby={`${fields.digest.id}-hint`} />
          <label htmlFor={fields.digest.id}>{t("preferences.digest")}</label>
          <p className="hint" id={`${fields.digest.id}-hint`}>
            {t("preferences.digestHint")}
          </p>
        </div>
        <fieldset className="fieldset">
          <legend>{t("preferences.language")}</legend>
          {(["fr", "en"] as const).map((l) => (
            <label key={l} className="radio" lang={l}>
              <input type="radio" name={fields.locale.name} value={l} defaultChecked={((fields.locale.initialValue as string | undefined) ?? prefs.locale) === l} /> {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary">
          {t("form.save")}
        </button>
      </Form>
    </div>
  );
}

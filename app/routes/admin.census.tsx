/**
 * Admin: the census list. Import a new version (CSV file or pasted text): every faulty line
 * is named and nothing is imported until the whole file is right; a new version replaces the
 * previous one and the register says how many people were added, changed and removed. Below,
 * the unusual-activity alert (households claimed by more accounts than they have adults,
 * references tried by several accounts, accounts with many failed claims).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/components/ui/table-wrap";
import { OnceField } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { FormErrors } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { submitOnce } from "~/domain/once/once.server";
import { CENSUS_MAX_BYTES, CensusImportError, censusSize, importCensus, listCensusImports } from "~/domain/residency/census.server";
import { residencyAlerts } from "~/domain/residency/residency.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { msg } from "~/lib/messages";
import { userError } from "~/utils/forms.server";
import { withoutControls } from "~/lib/text";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "census.import");
  const t = await getFixedT(request);
  return {
    title: t("census.title"),
    imports: listCensusImports(),
    size: censusSize(),
    alerts: can(actor, "residency.alerts") ? residencyAlerts() : null,
  };
}

type Result = { text: string; errors: string[]; lines: { line: number; message: string }[] };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "census.import");
  const formData = await request.formData();
  const file = formData.get("file");
  const pasted = typeof formData.get("text") === "string" ? String(formData.get("text")) : "";
  // what is shown back in the form when the import is refused
  const shown = withoutControls(pasted);
  let text = pasted;
  let fileName = "";
  if (file && typeof file === "object" && "text" in file && file.size > 0) {
    if (file.size > CENSUS_MAX_BYTES) return data({ text: "", errors: [msg("errors.censusTooLarge", { max: 10 })], lines: [] } satisfies Result, { status: 413 });
    text = await file.text();
    fileName = file.name;
  }
  if (!text.trim()) return data({ text: shown, errors: ["errors.censusEmpty"], lines: [] } satisfies Result, { status: 400 });
  try {
    const mode = formData.get("mode") === "supplement" ? "supplement" : "replace";
    const location = submitOnce(actor, formData.get("_once"), () => importCensus(actor, { text, fileName, mode }), (imp) => `/admin/census?imported=${imp.id}`).location;
    return redirect(location);
  } catch (e) {
    if (e instanceof CensusImportError) {
      return data({ text: shown, errors: [msg(e.key, e.params)], lines: e.lines.slice(0, 200).map((l) => ({ line: l.line, message: msg(l.key, l.params) })) } satisfies Result, { status: 400 });
    }
    const u = userError(e);
    return data({ text: shown, errors: [u.message], lines: [] } satisfies Result, { status: u.status });
  }
}

export default function CensusRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { imports, size, alerts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const [params] = useSearchParams();
  const last = imports[0];
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li aria-current="page">{t("census.title")}</li>
        </ol>
      </nav>
      <h1>{t("census.title")}</h1>
      <p className="lead">{t("census.intro")}</p>
      {params.get("imported") && last ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" />
          <p>
            {t("census.imported", { added: last.added, changed: last.changed, removed: last.removed })}{" "}
            <Link to={`/decisions/${last.decisionSeq}`}>{t("decisions.number", { seq: last.decisionSeq })}</Link>
          </p>
        </div>
      ) : null}
      <div className="two-col">
        <div>
          <Form method="post" encType="multipart/form-data" className="card form-card">
            <h2 className="h3"><Icon name="data" /> {t("census.importTitle")}</h2>
            <OnceField />
            <FormErrors errors={result?.errors} />
            {result?.lines.length ? (
              <TableWrap label={t("census.lineErrors", { count: result.lines.length })}>
                <table>
                  <caption>{t("census.lineErrors", { count: result.lines.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("census.line")}</th>
                      <th scope="col">{t("census.problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.lines.map((l, i) => (
                      <tr key={i}>
                        <th scope="row">{l.line}</th>
                        <td><LineMessage m={l.message} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : null}
            <div className="field">
              <label htmlFor="census-file">{t("census.file")}</label>
              <p id="census-file-hint" className="hint">{t("census.fileHint")}</p>
              <input id="census-file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="census-file-hint" />
            </div>
            <div className="field">
              <label htmlFor="census-text">{t("census.text")}</label>
              <textarea id="census-text" name="text" rows={6} defaultValue={result?.text ?? ""} spellCheck={false} />
            </div>
            <fieldset className="fieldset">
              <legend>{t("census.mode")}</legend>
              <label className="radio">
                <input type="radio" name="mode" value="replace" defaultChecked />
                <span>{t("census.modeReplace")}</span>
              </label>
              <label className="radio">
                <input type="radio" name="mode" value="supplement" />
                <span>{t("census.modeSupplement")}</span>
              </label>
            </fieldset>
            <p className="hint">{t("census.stored")}</p>
            <button type="submit" className="btn btn-primary">{t("census.submit")}</button>
          </Form>
        </div>
        <aside className="side">
          <section className="card" aria-labelledby="versions-title">
            <h2 id="versions-title" className="h3"><Icon name="book" /> {t("census.versions")}</h2>
            <p>{t("census.size", { n: formatNumber(size, locale) })}</p>
            {imports.length ? (
              <ol className="plain version-list">
                {imports.map((i) => (
                  <li key={i.id}>
                    <strong>{formatDateTime(i.importedAt, locale)}</strong> — {t("census.counts", { rows: i.rowCount, added: i.added, changed: i.changed, removed: i.removed })}{" "}
                    <Link to={`/decisions/${i.decisionSeq}`}>{t("decisions.number", { seq: i.decisionSeq })}</Link>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="empty">{t("census.none")}</p>
            )}
          </section>
        </aside>
      </div>
      {alerts ? (
        <section className="section" aria-labelledby="alerts-title">
          <h2 id="alerts-title"><Icon name="alert" /> {t("census.alerts")}</h2>
          <p>{t("census.alertsIntro")}</p>
          {alerts.households.length + alerts.entries.length + alerts.accounts.length === 0 ? (
            <p className="notice notice-success"><Icon name="check" /> {t("census.noAlerts")}</p>
          ) : (
            <div className="stack">
              {alerts.households.length ? (
                <TableWrap label={t("census.alertHouseholds")}>
                  <table>
                    <caption>{t("census.alertHouseholds")}</caption>
                    <thead><tr><th scope="col">{t("census.address")}</th><th scope="col">{t("census.accounts")}</th><th scope="col">{t("census.adults")}</th></tr></thead>
                    <tbody>{alerts.households.map((h) => <tr key={h.address}><th scope="row">{h.address}</th><td>{h.accounts}</td><td>{h.adults}</td></tr>)}</tbody>
                  </table>
                </TableWrap>
              ) : null}
              {alerts.entries.length ? (
                <TableWrap label={t("census.alertEntries")}>
                  <table>
                    <caption>{t("census.alertEntries")}</caption>
                    <thead><tr><th scope="col">{t("census.person")}</th><th scope="col">{t("census.accounts")}</th></tr></thead>
                    <tbody>{alerts.entries.map((e) => <tr key={e.censusEntryId}><th scope="row">{e.givenNames} {e.familyName}</th><td>{e.accounts}</td></tr>)}</tbody>
                  </table>
                </TableWrap>
              ) : null}
              {alerts.accounts.length ? (
                <TableWrap label={t("census.alertAccounts")}>
                  <table>
                    <caption>{t("census.alertAccounts")}</caption>
                    <thead><tr><th scope="col">{t("fields.email")}</th><th scope="col">{t("census.failures")}</th></tr></thead>
                    <tbody>{alerts.accounts.map((a) => <tr key={a.userId}><th scope="row">{a.email}</th><td>{a.failures}</td></tr>)}</tbody>
                  </table>
                </TableWrap>
              ) : null}
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}

function LineMessage({ m }: { m: string }) {
  const { t } = useTranslation();
  const i = m.indexOf("::");
  if (i < 0) return <>{t(m)}</>;
  const params = JSON.parse(m.slice(i + 2)) as Record<string, string>;
  if (params.field) params.field = t(`census.fields.${params.field}`);
  return <>{t(m.slice(0, i), params)}</>;
}

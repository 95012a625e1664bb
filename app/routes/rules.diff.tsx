/** What changed between two rulebook versions: the text word by word, and the numbers. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DiffLegend, DiffText } from "~/components/diff-text";
import { paramValue } from "~/components/params-table";
import { SCOPE_RE, TOWN_SCOPE } from "~/domain/rules/params";
import { diffVersions, getVersion, listVersions } from "~/domain/rules/rules.server";
import { getFixedT } from "~/i18next.server";
import { notFound, optionalIdParam } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { TableWrap } from "~/components/ui/table-wrap";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams;
  const scope = q.get("scope") ?? TOWN_SCOPE;
  if (!SCOPE_RE.test(scope)) notFound();
  const versions = listVersions(scope);
  if (versions.length === 0) notFound();
  const to = optionalIdParam(q.get("to")) ?? versions[0]!.number;
  const from = optionalIdParam(q.get("from")) ?? Math.max(1, to - 1);
  const a = getVersion(scope, from);
  const b = getVersion(scope, to);
  if (!a || !b) notFound();
  const t = await getFixedT(request);
  return {
    title: t("rules.diffTitle", { from: a.label, to: b.label }),
    scope,
    versions: versions.map((v) => ({ number: v.number, label: v.label })),
    a: { number: a.number, label: a.label, title: a.title },
    b: { number: b.number, label: b.label, title: b.title, decisionSeq: b.decisionSeq },
    diff: diffVersions(a, b),
  };
}

export default function RulesDiffRoute() {
  const { t } = useTranslation();
  const { a, b, diff, versions, scope } = useLoaderData<typeof loader>();
  const changed = diff.params.filter((p) => p.changed);
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/rules">{t("rules.title")}</Link></li>
          <li aria-current="page">{t("rules.diffTitle", { from: a.label, to: b.label })}</li>
        </ol>
      </nav>
      <h1>{t("rules.diffTitle", { from: a.label, to: b.label })}</h1>
      <Form method="get" className="inline-form">
        {scope !== "town" ? <input type="hidden" name="scope" value={scope} /> : null}
        <div className="field">
          <label htmlFor="from">{t("rules.diffFrom")}</label>
          <select id="from" name="from" defaultValue={a.number}>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>{v.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="to">{t("rules.diffTo")}</label>
          <select id="to" name="to" defaultValue={b.number}>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>{v.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">{t("rules.diffCompare")}</button>
      </Form>
      {a.number !== b.number && b.number > a.number ? (
        <p>
          <Link to={`/decisions/${b.decisionSeq}`}>{t("rules.whyChange", { label: b.label, seq: b.decisionSeq })}</Link>
        </p>
      ) : null}
      <section aria-labelledby="numbers-title">
        <h2 id="numbers-title">{t("rules.diffNumbers")}</h2>
        {changed.length === 0 ? (
          <p>{t("rules.diffNoNumbers")}</p>
        ) : (
          <TableWrap labelledBy="numbers-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("rules.param")}</th>
                  <th scope="col">{a.label}</th>
                  <th scope="col">{b.label}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{t(`rules.params.${p.key}.label`)}</th>
                    <td><del>{paramValue(t, p.key, p.from)}</del></td>
                    <td><ins>{paramValue(t, p.key, p.to)}</ins></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("rules.diffText")}</h2>
        {diff.titleChanged ? (
          <p>
            {t("rules.diffTitleChanged")} <del>{a.title}</del> → <ins>{b.title}</ins>
          </p>
        ) : null}
        <DiffLegend />
        <DiffText parts={diff.text} />
      </section>
    </div>
  );
}

/**
 * Paper ballots of a budget, after the vote closes and before the results: for each
 * envelope, the counting team numbers the sheets and types each one in twice (two different
 * people), a third reading settles a difference (app/domain/ballot-box/paper.server.ts). The
 * results phase cannot start while a sheet is pending; a difference between sheets and paper
 * participations is explained in the phase change.
 */
import { getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { euros } from "~/components/budget/budget-ui";
import { IntentForm, useIntentForm, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { ErrorList, Field } from "~/components/ui/field";
import { boxState, getBox } from "~/domain/ballot-box/boxes.server";
import { enterPaperSheet, paperStatus } from "~/domain/ballot-box/paper.server";
import type { BallotSpec } from "~/domain/ballot-box/spec";
import { envelopesOf, getBudget } from "~/domain/budgets/budgets.server";
import { paperSheetSchemaFor } from "~/domain/votes/schemas";
import { getFixedT } from "~/i18next.server";
import { handleIntent, readIntent } from "~/utils/forms.server";
import { idParam, notFound, requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = getBudget(idParam(params.id));
  if (!b) notFound();
  await requirePermission(request, "vote.count", { councilId: null });
  const t = await getFixedT(request);
  return {
    title: t("budgets.paper.title", { title: b.title }),
    budget: { id: b.id, title: b.title, phase: b.phase },
    envelopes: envelopesOf(b.id)
      .filter((e) => e.boxId !== null)
      .map((e) => {
        const box = getBox(e.boxId!)!;
        const status = paperStatus(box.id);
        return {
          id: e.id,
          label: e.councilName ? t("budgets.envelopeOf", { name: e.councilName }) : t("budgets.townEnvelope"),
          amount: e.amount,
          state: boxState(box),
          spec: box.spec,
          sheets: status.sheets.map((s) => ({ sheet: s.sheet, state: s.state })),
          participations: status.participations,
          next: (status.sheets.at(-1)?.sheet ?? 0) + 1,
        };
      }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const actor = await requirePermission(request, "vote.count", { councilId: null });
  const formData = await request.formData();
  const { target } = readIntent(formData);
  const envelope = envelopesOf(b.id).find((e) => String(e.id) === target && e.boxId !== null);
  if (!envelope) notFound();
  const box = getBox(envelope.boxId!)!;
  return handleIntent(formData, paperSheetSchemaFor(box.spec), (v) => {
    const e = enterPaperSheet(actor, { boxId: box.id, sheet: v.sheet, choices: v.spoiled ? null : v.choices });
    return redirect(`/budgets/${id}/paper?entered=${v.sheet}&pass=${e.pass}#envelope-${envelope.id}`);
  });
}

type Envelope = Awaited<ReturnType<typeof loader>>["envelopes"][number];

function SheetForm({ e, result }: { e: Envelope; result: IntentResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const spec = e.spec as BallotSpec;
  const [form, f] = useIntentForm(`sheet:${e.id}`, paperSheetSchemaFor(spec), result, { sheet: String(e.next) });
  const chosen = [(f.choices.initialValue as string[] | string | undefined) ?? []].flat();
  return (
    <IntentForm form={form} intent="sheet" target={String(e.id)} className="card form-card">
      <Field label={t("count.sheet")} hint={t("count.sheetHint")} inputMode="numeric" errors={f.sheet.errors} {...getInputProps(f.sheet, { type: "text", ariaAttributes: false })} id={f.sheet.id} />
      <fieldset className="ballot-choices">
        <legend>{t("count.choices")}</legend>
        {spec.type !== "choice"
          ? spec.projects.map((p) => (
              <label key={p.id} className="ballot-option">
                <input type="checkbox" name="choices" value={p.id} defaultChecked={chosen.includes(p.id)} />
                <span>{t("budgets.ballot.number", { id: p.id })} {p.label} · {euros(p.cost, locale)}</span>
              </label>
            ))
          : null}
        <ErrorList id={`${f.choices.id}-error`} errors={f.choices.errors as string[] | undefined} />
      </fieldset>
      <div className="field checkbox">
        <input type="checkbox" name="spoiled" id={`spoiled-${e.id}`} aria-describedby={`spoiled-${e.id}-hint`} />
        <label htmlFor={`spoiled-${e.id}`}>{t("count.spoiled")}</label>
        <p id={`spoiled-${e.id}-hint`} className="hint">{t("count.spoiledHint")}</p>
      </div>
      <button type="submit" className="btn btn-primary">{t("count.save")}</button>
    </IntentForm>
  );
}

export default function BudgetPaperRoute() {
  const { t } = useTranslation();
  const { budget, envelopes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const [params] = useSearchParams();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{t("count.short")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.paper.title", { title: budget.title })}</h1>
      <p className="lead">{t("count.intro")}</p>
      {params.get("entered") ? <p className="notice notice-success" role="status">{t("budgets.paper.entered", { sheet: params.get("entered"), pass: params.get("pass") })}</p> : null}
      {envelopes.map((e) => (
        <section key={e.id} id={`envelope-${e.id}`} className="section" aria-labelledby={`paper-${e.id}`}>
          <h2 id={`paper-${e.id}`}>{e.label} · {t("count.sheetsTitle", { sheets: e.sheets.length, participations: e.participations })}</h2>
          {e.sheets.length ? (
            <ul className="plain chips">
              {e.sheets.map((s) => (
                <li key={s.sheet} className="chip">{t("count.sheet")} {s.sheet} — {t(`count.states.${s.state}`)}</li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("count.noSheets")}</p>
          )}
          {e.state === "counting" ? <SheetForm e={e} result={result} /> : <p className="muted">{t("budgets.paper.notCounting")}</p>}
        </section>
      ))}
    </div>
  );
}

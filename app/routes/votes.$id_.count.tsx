/**
 * The count (dépouillement), once the vote has closed: paper sheets typed in twice by two
 * different people, differences settled by a third reading, then the count is published
 * with its certificate. A difference between paper sheets and paper participations must be
 * explained, and the explanation goes to the register with the count.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/components/ui/table-wrap";
import { OnceField, useIntentForm, type IntentResult } from "~/components/forms";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { useOptionLabel } from "~/components/vote/ballot";
import { boxState } from "~/domain/ballot-box/boxes.server";
import { enterPaperSheet, paperStatus } from "~/domain/ballot-box/paper.server";
import type { ChoiceSpec } from "~/domain/ballot-box/spec";
import { CountSchema, paperSheetSchemaFor } from "~/domain/votes/schemas";
import { countVote, getVote } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { handleIntent, readIntent } from "~/utils/forms.server";
import { idParam, notFound, requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

async function load(request: Request, id: number) {
  const vote = getVote(id);
  if (!vote) notFound();
  const actor = await requirePermission(request, "vote.count", { councilId: vote.councilId });
  return { vote, actor: actor! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const { vote } = await load(request, id);
  const t = await getFixedT(request);
  const status = paperStatus(vote.boxId);
  return {
    title: t("count.title", { question: vote.question }),
    vote: { id: vote.id, question: vote.question, form: vote.form, spec: vote.box.spec as ChoiceSpec },
    state: boxState(vote.box),
    status: { ...status, sheets: status.sheets.map((s) => ({ sheet: s.sheet, state: s.state, passes: s.passes })) },
    nextSheet: (status.sheets.at(-1)?.sheet ?? 0) + 1,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const { vote, actor } = await load(request, id);
  const formData = await request.formData();
  switch (readIntent(formData).intent) {
    case "sheet":
      return handleIntent(formData, paperSheetSchemaFor(vote.box.spec), (v) => {
        const e = enterPaperSheet(actor, { boxId: vote.boxId, sheet: v.sheet, choices: v.spoiled ? null : v.choices });
        return redirect(`/votes/${id}/count?entered=${v.sheet}&pass=${e.pass}`);
      });
    case "count":
      return handleIntent(formData, CountSchema, (v) => (countVote(actor, id, { explanation: v.explanation || undefined }), redirect(`/votes/${id}#results`)));
  }
  throw new Response("errors.badRequest", { status: 400 });
}

function SheetForm({ spec, form, result, next }: { spec: ChoiceSpec; form: "yes_no" | "options"; result: IntentResult; next: number }) {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const [f, fields] = useIntentForm("sheet:", paperSheetSchemaFor(spec), result, { sheet: String(next) });
  const chosen = (fields.choices.initialValue as string[] | string | undefined) ?? [];
  const single = spec.max === 1;
  return (
    <Form method="post" className="card stack-form" {...getFormProps(f)}>
      <h2 className="h3"><Icon name="edit" /> {t("count.enterSheet")}</h2>
      <input type="hidden" name="intent" value="sheet" />
      <input type="hidden" name="target" value="" />
      <OnceField />
      <FormErrors errors={f.errors as string[] | undefined} />
      <Field label={t("count.sheet")} hint={t("count.sheetHint")} inputMode="numeric" errors={fields.sheet.errors} {...getInputProps(fields.sheet, { type: "text", ariaAttributes: false })} id={fields.sheet.id} />
      <fieldset className="ballot-choices">
        <legend>{t("count.choices")}</legend>
        {spec.options.map((o) => (
          <label key={o.id} className="ballot-option">
            <input type={single ? "radio" : "checkbox"} name="choices" value={o.id} defaultChecked={[chosen].flat().includes(o.id)} />
            <span>{label(o, form)}</span>
          </label>
        ))}
        <ErrorList id={`${fields.choices.id}-error`} errors={fields.choices.errors as string[] | undefined} />
      </fieldset>
      <div className="field checkbox">
        <input type="checkbox" name="spoiled" id="sheet-spoiled" aria-describedby="sheet-spoiled-hint" />
        <label htmlFor="sheet-spoiled">{t("count.spoiled")}</label>
        <p id="sheet-spoiled-hint" className="hint">{t("count.spoiledHint")}</p>
      </div>
      <button type="submit" className="btn btn-primary">{t("count.save")}</button>
    </Form>
  );
}

function CountForm({ result, difference }: { result: IntentResult; difference: number }) {
  const { t } = useTranslation();
  const [f, fields] = useIntentForm("count:", CountSchema, result);
  return (
    <Form method="post" className="card stack-form staff-card" {...getFormProps(f)}>
      <h2 className="h3"><Icon name="chart" /> {t("count.publish")}</h2>
      <input type="hidden" name="intent" value="count" />
      <input type="hidden" name="target" value="" />
      <OnceField />
      <FormErrors errors={f.errors as string[] | undefined} />
      <p>{t("count.publishIntro")}</p>
      <TextareaField
        label={t("count.explanation")}
        hint={difference !== 0 ? t(difference > 0 ? "count.explanationMoreSheets" : "count.explanationFewerSheets", { count: Math.abs(difference) }) : t("count.explanationOptional")}
        rows={5}
        errors={fields.explanation.errors}
        {...getTextareaProps(fields.explanation, { ariaAttributes: false })}
        id={fields.explanation.id}
      />
      <button type="submit" className="btn btn-primary">{t("count.publishSubmit")}</button>
    </Form>
  );
}

export default function CountRoute() {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const s = d.status;
  const show = (content: string | undefined) =>
    content === undefined ? "—" : content === "spoiled" ? t("count.spoiledShort") : (JSON.parse(content) as string[]).map((id) => label(d.vote.spec.options.find((o) => o.id === id) ?? { id, label: id }, d.vote.form)).join(", ") || t("count.blank");
  const difference = s.sheets.length - s.participations;
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/votes">{t("votes.title")}</Link></li>
          <li><Link to={`/votes/${d.vote.id}`}>{d.vote.question}</Link></li>
          <li aria-current="page">{t("count.short")}</li>
        </ol>
      </nav>
      <h1>{t("count.heading")}</h1>
      <p className="lead">{t("count.intro")}</p>
      {d.state !== "counting" ? <p className="notice notice-warning">{d.state === "closed" ? t("errors.boxAlreadyCounted") : t("errors.boxStillOpen")}</p> : null}
      <div className="two-col">
        <div>
          <TableWrap label={t("count.sheetsTitle", { sheets: s.sheets.length, participations: s.participations })}>
            <table>
              <caption>{t("count.sheetsTitle", { sheets: s.sheets.length, participations: s.participations })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("count.sheet")}</th>
                  <th scope="col">{t("count.pass1")}</th>
                  <th scope="col">{t("count.pass2")}</th>
                  <th scope="col">{t("count.pass3")}</th>
                  <th scope="col">{t("count.state")}</th>
                </tr>
              </thead>
              <tbody>
                {s.sheets.length === 0 ? (
                  <tr><td colSpan={5} className="empty">{t("count.noSheets")}</td></tr>
                ) : (
                  s.sheets.map((sh) => (
                    <tr key={sh.sheet}>
                      <th scope="row">{sh.sheet}</th>
                      <td>{show(sh.passes[1])}</td>
                      <td>{show(sh.passes[2])}</td>
                      <td>{show(sh.passes[3])}</td>
                      <td>{t(`count.states.${sh.state}`)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </TableWrap>
          <p className={difference === 0 ? "notice notice-success" : "notice notice-warning"}>
            {difference === 0 ? t("count.matches", { n: s.participations }) : t("count.differs", { sheets: s.sheets.length, participations: s.participations })}
          </p>
        </div>
        <div>
          {d.state === "counting" ? (
            <>
              <SheetForm spec={d.vote.spec} form={d.vote.form} result={result} next={d.nextSheet} />
              {s.pending.length || s.differing.length ? (
                <p className="notice notice-info">{t("count.blocked", { pending: s.pending.length, differing: s.differing.length })}</p>
              ) : (
                <CountForm result={result} difference={difference} />
              )}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}

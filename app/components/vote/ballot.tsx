/**
 * The ballot of a proposal vote, its review step and the receipt — shared by the voter's
 * own page and the desk's screen. Without JavaScript: choose, "Vérifier mon choix" shows the
 * choice back (a server round trip), "Confirmer" casts it; with JavaScript the same forms
 * post through Remix. The receipt code is shown once, printable.
 */
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChoiceSpec } from "~/domain/ballot-box/spec";
import { ballotSchemaFor } from "~/domain/votes/schemas";
import { OnceField, useIntentForm, type IntentResult } from "../forms";
import { ErrorList, FormErrors } from "../ui/field";
import { Icon } from "../ui/icon";

/** The label of an option in the reader's language (yes / no / abstain are translated). */
export function useOptionLabel() {
  const { t } = useTranslation();
  return (o: { id: string; label: string }, form: "yes_no" | "options") => (form === "yes_no" ? t(`votes.answers.${o.id}`) : o.label);
}

export function BallotForm({
  spec,
  form,
  result,
  chosen,
  hidden,
  intro,
}: {
  spec: ChoiceSpec;
  form: "yes_no" | "options";
  result: IntentResult;
  /** Choices to show ticked (after "change my choice" or a refused submission). */
  chosen: string[];
  /** Extra hidden fields (the desk's census person). */
  hidden?: Record<string, string>;
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const [f, fields] = useIntentForm("review:", ballotSchemaFor(spec), result?.intent === "cast" ? { ...result, intent: "review" } : result);
  const single = spec.max === 1;
  const errors = fields.choices.errors as string[] | undefined;
  return (
    <Form method="post" className="card ballot" {...getFormProps(f)} preventScrollReset>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="target" value="" />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormErrors errors={f.errors as string[] | undefined} />
      <fieldset className="ballot-choices" aria-describedby={`${fields.choices.id}-hint${errors?.length ? ` ${fields.choices.id}-error` : ""}`} aria-invalid={errors?.length ? true : undefined}>
        <legend className="ballot-question">{spec.question}</legend>
        {intro}
        <p id={`${fields.choices.id}-hint`} className="hint">
          {single ? t("votes.chooseOne") : spec.min === spec.max ? t("votes.chooseExactly", { count: spec.max }) : t("votes.chooseBetween", { min: spec.min, max: spec.max })}
        </p>
        {spec.options.map((o) => (
          <label key={o.id} className="ballot-option">
            <input type={single ? "radio" : "checkbox"} name="choices" value={o.id} defaultChecked={chosen.includes(o.id)} />
            <span>{label(o, form)}</span>
          </label>
        ))}
        <ErrorList id={`${fields.choices.id}-error`} errors={errors} />
      </fieldset>
      <button type="submit" className="btn btn-primary">
        <Icon name="arrowRight" /> {t("votes.review")}
      </button>
    </Form>
  );
}

/** The review step: the choice shown back, then "confirm" (casts) or "change". */
export function ReviewCard({
  spec,
  form,
  choices,
  result,
  hidden,
}: {
  spec: ChoiceSpec;
  form: "yes_no" | "options";
  choices: string[];
  result: IntentResult;
  hidden?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const chosen = spec.options.filter((o) => choices.includes(o.id));
  const hiddenFields = (
    <>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {choices.map((c) => (
        <input key={c} type="hidden" name="choices" value={c} />
      ))}
    </>
  );
  return (
    <section className="card ballot review" aria-labelledby="review-title">
      <h2 id="review-title">
        <Icon name="check" /> {t("votes.reviewTitle")}
      </h2>
      <p className="ballot-question">{spec.question}</p>
      <p>{t("votes.reviewIntro")}</p>
      <ul className="review-choices">
        {chosen.map((o) => (
          <li key={o.id}>
            <Icon name="vote" /> <strong>{label(o, form)}</strong>
          </li>
        ))}
      </ul>
      {result?.intent === "cast" ? <FormErrors errors={result.reply.error?.[""] ?? result.reply.error?.choices ?? undefined} /> : null}
      <p className="hint">{t("votes.reviewFinal")}</p>
      <div className="review-actions">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="cast" />
          <input type="hidden" name="target" value="" />
          <OnceField />
          {hiddenFields}
          <button type="submit" className="btn btn-primary">
            <Icon name="vote" /> {t("votes.confirm")}
          </button>
        </Form>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="change" />
          <input type="hidden" name="target" value="" />
          {hiddenFields}
          <button type="submit" className="btn">
            <Icon name="edit" /> {t("votes.change")}
          </button>
        </Form>
      </div>
    </section>
  );
}

function PrintButton() {
  const { t } = useTranslation();
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  return js ? (
    <button type="button" className="btn" onClick={() => window.print()}>
      <Icon name="print" /> {t("votes.printReceipt")}
    </button>
  ) : null;
}

/** The receipt, shown once after casting. */
export function ReceiptCard({ code, title, desk = false }: { code: string; title: string; desk?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card receipt-card" aria-labelledby="receipt-title" role="status">
      <h2 id="receipt-title">
        <Icon name="check" /> {t("votes.castTitle")}
      </h2>
      <p>{t(desk ? "votes.castDesk" : "votes.castIntro", { title })}</p>
      <p className="receipt-label">{t("votes.receiptLabel")}</p>
      <p className="receipt-code" translate="no">
        <code aria-label={code.split("").join(" ")}>
          {code.split("-").map((g, i) => (
            <span key={i}>
              {i ? "-" : ""}
              {g}
            </span>
          ))}
        </code>
      </p>
      <p>{t("votes.receiptKeep")}</p>
      <p className="small muted">{t(desk ? "votes.receiptWhyDesk" : "votes.receiptWhy")}</p>
      <div className="review-actions no-print">
        <PrintButton />
        <Link to="/receipts" className="btn">
          <Icon name="search" /> {t("votes.checkReceipt")}
        </Link>
      </div>
    </section>
  );
}

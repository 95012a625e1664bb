/**
 * Check a receipt: anyone with a receipt code sees whether their ballot is in the box, and
 * once the box is counted, their line on the published board with their choice. No login;
 * nobody can look a voter up — the code is all there is.
 */
import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { useOptionLabel } from "~/components/vote/ballot";
import { findReceipt } from "~/domain/ballot-box/count.server";
import { DomainError } from "~/domain/errors";
import { ReceiptSchema } from "~/domain/votes/schemas";
import { budgetOfBox } from "~/domain/budgets/budgets.server";
import { getVoteByBox } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

/**
 * An answer to a code is never stored by the page cache nor by a browser: it depends on
 * ballots, which do not move the data version (db/data-version.ts), and a receipt code is the
 * voter's own. The empty form, which shows nothing of the box, is an ordinary public page.
 */
const NO_STORE = "private, no-store";
export const headers: HeadersFunction = ({ loaderHeaders }): Record<string, string> => (loaderHeaders.get("Cache-Control") === NO_STORE ? { "Cache-Control": NO_STORE } : {});

export async function loader({ request }: LoaderFunctionArgs) {
  const { code } = ReceiptSchema.parse({ code: new URL(request.url).searchParams.get("code") ?? undefined });
  const t = await getFixedT(request);
  let error: string | null = null;
  let found: ReturnType<typeof findReceipt> = [];
  if (code) {
    try {
      found = findReceipt(code);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      error = e.key;
    }
  }
  return data({
    title: t("receipts.title"),
    code,
    error,
    searched: !!code && !error,
    found: found.map((f) => {
      const vote = f.kind === "vote" ? getVoteByBox(f.boxId) : null;
      // a budget envelope: its projects by ballot number, and the results page (with "how my share was spent")
      const budget = f.kind === "budget" ? budgetOfBox(f.boxId) : null;
      return {
        ...f,
        href: vote ? `/votes/${vote.id}` : budget ? `/budgets/${budget.budgetId}/${f.counted ? "results#share" : ""}` : null,
        board: vote && f.counted ? `/open-data/vote-${vote.id}-board.json` : budget && f.counted ? budget.pbUrl : null,
        form: vote?.form ?? "options",
        options: vote ? vote.options : (budget?.options ?? []),
      };
    }),
  }, { headers: code ? { "Cache-Control": NO_STORE } : {} });
}

export default function ReceiptsRoute() {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const { code, error, found, searched } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <h1>{t("receipts.title")}</h1>
      <p className="lead">{t("receipts.intro")}</p>
      <Form method="get" className="card search-form">
        <div className="search-row">
          <div className="field grow">
            <label htmlFor="code">{t("receipts.code")}</label>
            <p id="code-hint" className="hint">{t("receipts.codeHint")}</p>
            <input id="code" name="code" type="text" defaultValue={code} autoComplete="off" spellCheck={false} aria-describedby={error ? "code-hint code-error" : "code-hint"} aria-invalid={error ? true : undefined} />
            {error ? (
              <ul id="code-error" className="field-errors">
                <li>{t(error)}</li>
              </ul>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary"><Icon name="search" /> {t("receipts.check")}</button>
        </div>
      </Form>
      {searched ? (
        found.length === 0 ? (
          <div className="notice notice-warning" role="status">
            <Icon name="alert" />
            <p>{t("receipts.notFound")}</p>
          </div>
        ) : (
          <ul className="plain stack" role="status">
            {found.map((f) => (
              <li key={f.boxId} className="card receipt-result">
                <p className="eyebrow">{t(`receipts.kinds.${f.kind}`)}</p>
                <h2 className="h3">{f.href ? <Link to={f.href}>{f.title}</Link> : f.title}</h2>
                {f.counted && f.choices ? (
                  <>
                    <p className="notice notice-success"><Icon name="check" /> {t("receipts.onBoard")}</p>
                    <p>
                      {t("receipts.yourChoice")}{" "}
                      <strong>{f.choices.length ? f.choices.map((c) => label(f.options.find((o) => o.id === c) ?? { id: c, label: c }, f.form)).join(", ") : t("receipts.blank")}</strong>
                    </p>
                    <p className="small">
                      {t("receipts.line")} <code className="hash">{f.ballotId}</code>
                    </p>
                    {f.board ? <p className="small"><a href={f.board}>{t("receipts.board")}</a></p> : null}
                  </>
                ) : (
                  <p className="notice notice-info"><Icon name="clock" /> {t("receipts.inBox")}</p>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <section className="card" aria-labelledby="receipt-how">
        <h2 id="receipt-how" className="h3"><Icon name="info" /> {t("receipts.howTitle")}</h2>
        <p className="small">{t("receipts.how")}</p>
      </section>
    </div>
  );
}

/**
 * Says whether the register is intact: every entry after the last verified checkpoint is
 * checked now, the checkpoint itself again, and the older entries in turn
 * (verify-incremental.server.ts, decision record 015); checks a head someone kept (GET field
 * `head`, "SEQ:HASH") against the whole chain; publishes the checkpoint key.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { verifyRegisterIncremental, SWEEP_WINDOW } from "~/domain/decisions/verify-incremental.server";
import { formatDateTime } from "~/lib/format";
import { useLocale } from "~/components/hooks";
import { checkKeptHead, publicKeyInfo, type HeadVerdict } from "~/domain/decisions/checkpoint.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";
import { queryText } from "~/lib/fields";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const started = performance.now();
  const verdict = verifyRegisterIncremental();
  const param = new URL(request.url).searchParams.get("head");
  // shown back on the page: normalised like any text from a URL (no NUL, no controls)
  const head = param === null ? null : queryText(param, 200);
  const headVerdict: HeadVerdict | null = head === null ? null : checkKeptHead(head);
  return {
    title: t("verify.title"),
    verdict,
    sweepWindow: SWEEP_WINDOW,
    head: head ?? "",
    headVerdict,
    key: publicKeyInfo(),
    ms: Math.round(performance.now() - started),
    checkedAt: new Date().toISOString(),
  };
}

function HeadResult({ v }: { v: HeadVerdict }) {
  const { t } = useTranslation();
  if (v.ok) {
    return (
      <div className="notice notice-success" role="status">
        <Icon name="check" />
        <p>{t("verify.headOk", { seq: v.seq, current: v.current.seq })}</p>
      </div>
    );
  }
  const text =
    v.reason === "malformed"
      ? t("verify.headMalformed")
      : v.reason === "missing"
        ? t("verify.headMissing", { seq: v.seq, current: v.current.seq })
        : v.reason === "mismatch"
          ? t("verify.headMismatch", { seq: v.seq, found: v.found })
          : t("verify.headChain");
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="alert" />
      <p>{text}</p>
    </div>
  );
}

export default function VerifyRoute() {
  const { t } = useTranslation();
  const { verdict, ms, head, headVerdict, key, sweepWindow } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/decisions">{t("decisions.title")}</Link></li>
          <li aria-current="page">{t("verify.title")}</li>
        </ol>
      </nav>
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro", { window: sweepWindow })}</p>
      {verdict.ok ? (
        <div className="notice notice-success verdict" role="status">
          <Icon name="check" size={28} />
          <div>
            <p className="verdict-title">{t("verify.intact", { count: verdict.count })}</p>
            <p>
              {t("verify.head")} <code className="hash">{verdict.head}</code>
            </p>
            <p className="small">
              {verdict.fromSeq === 0 ? t("verify.checkedAll") : t("verify.checkedSince", { seq: verdict.fromSeq })}{" "}
              {verdict.swept ? t("verify.swept", { from: verdict.swept.from, to: verdict.swept.to }) : null}{" "}
              {verdict.lastFullPass ? t("verify.lastFullPass", { date: formatDateTime(verdict.lastFullPass, locale) }) : null}
            </p>
          </div>
        </div>
      ) : (
        <div className="notice notice-error verdict" role="alert">
          <Icon name="alert" size={28} />
          <div>
            <p className="verdict-title">{t("verify.broken", { seq: verdict.seq })}</p>
            <p>{t(`verify.reasons.${verdict.reason}`)}</p>
            <p>
              <Link to={`/decisions/${verdict.seq}`}>{t("verify.seeEntry", { seq: verdict.seq })}</Link>
            </p>
            <p className="small">{t("verify.checkedBefore", { count: verdict.count })}</p>
          </div>
        </div>
      )}
      <p className="small muted">{t("verify.timing", { ms })}</p>
      <section className="section" aria-labelledby="head-title">
        <h2 id="head-title">{t("verify.headTitle")}</h2>
        <p>{t("verify.headIntro")}</p>
        <Form method="get" className="card form-card">
          <div className="field">
            <label htmlFor="head">{t("verify.headLabel")}</label>
            <input id="head" name="head" type="text" defaultValue={head} aria-describedby="head-hint" autoComplete="off" spellCheck={false} className="hash" />
            <p id="head-hint" className="hint">{t("verify.headHint")}</p>
          </div>
          <button type="submit" className="btn">{t("verify.headSubmit")}</button>
        </Form>
        {headVerdict ? <HeadResult v={headVerdict} /> : null}
      </section>
      <section className="section prose" aria-labelledby="key-title">
        <h2 id="key-title">{t("verify.keyTitle")}</h2>
        <p>{t("verify.keyIntro")}</p>
        <p>
          {t("verify.keyFingerprint")} <code className="hash">{key.sha256}</code>
        </p>
        <pre className="hash">{key.pem}</pre>
        <p>
          <a href="/open-data/register-checkpoint.json" download>{t("verify.checkpointLink")}</a>
        </p>
      </section>
      <section className="prose">
        <h2>{t("verify.yourselfTitle")}</h2>
        <p>{t("verify.yourself")}</p>
        <ul>
          <li>
            <a href="/open-data/register.json" download>{t("decisions.downloadChain")}</a>
          </li>
          <li>
            <code>npm run verify-register</code> — {t("verify.command")}
          </li>
          <li>
            <code>npm run verify-register -- --head SEQ:HASH</code>
          </li>
        </ul>
      </section>
    </div>
  );
}

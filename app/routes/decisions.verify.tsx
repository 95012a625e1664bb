/** Recomputes the whole hash chain now and says whether the register is intact. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { verifyRegister } from "~/domain/decisions/decisions.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const started = performance.now();
  const verdict = verifyRegister();
  return { title: t("verify.title"), verdict, ms: Math.round(performance.now() - started), checkedAt: new Date().toISOString() };
}

export default function VerifyRoute() {
  const { t } = useTranslation();
  const { verdict, ms } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/decisions">{t("decisions.title")}</Link></li>
          <li aria-current="page">{t("verify.title")}</li>
        </ol>
      </nav>
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro")}</p>
      {verdict.ok ? (
        <div className="notice notice-success verdict" role="status">
          <Icon name="check" size={28} />
          <div>
            <p className="verdict-title">{t("verify.intact", { count: verdict.count })}</p>
            <p>
              {t("verify.head")} <code className="hash">{verdict.head}</code>
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
        </ul>
      </section>
    </div>
  );
}

/** My account: who I am, whether my address is confirmed, the roles I hold, and where to go next. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { canSomewhere } from "~/domain/accounts/policy";
import { accountSummary } from "~/domain/accounts/users.server";
import { getCouncil } from "~/domain/councils/councils.server";
import { residencyStatus } from "~/domain/residency/residency.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  const roles = actor.assignments.map((a) => ({
    role: a.role,
    council: a.councilId ? (getCouncil(a.councilId)?.name ?? null) : null,
  }));
  const residency = residencyStatus(actor.userId);
  const me = accountSummary(actor.userId)!;
  return {
    title: t("account.title"),
    displayName: actor.displayName,
    email: actor.email,
    verifiedAt: me.emailVerifiedAt,
    createdAt: me.createdAt,
    roles,
    residency: actor.residency && residency ? { council: residency.councilName, method: residency.method } : null,
    canDesk: canSomewhere(actor, "residency.verify"),
  };
}

const NOTICES = ["verified", "reset", "welcome", "emailChanged"] as const;

export default function AccountRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { displayName, email, roles, verifiedAt, createdAt, residency, canDesk } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => params.get(n));
  return (
    <div className="wrap page narrow">
      <h1>{t("account.title")}</h1>
      <AccountNav />
      {notice ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" /> <p>{t(`account.notices.${notice}`, { name: displayName })}</p>
        </div>
      ) : null}
      <section className="card">
        <dl className="facts">
          <div>
            <dt>{t("fields.displayName")}</dt>
            <dd>{displayName}</dd>
          </div>
          <div>
            <dt>{t("fields.email")}</dt>
            <dd>
              {email}{" "}
              {verifiedAt ? (
                <span className="badge badge-success">
                  <Icon name="check" /> {t("account.verified")}
                </span>
              ) : (
                <span className="badge badge-warning">{t("account.unverified")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("account.since")}</dt>
            <dd>{formatDateLong(createdAt, locale)}</dd>
          </div>
          <div>
            <dt>{t("account.roles")}</dt>
            <dd>
              {roles.length === 0 ? (
                <span>{t("account.noRole")}</span>
              ) : (
                <ul className="plain">
                  {roles.map((r) => (
                    <li key={`${r.role}-${r.council}`}>{`${t(`roles.${r.role}`)} — ${r.council ?? t("scope.town")}`}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("account.residency")}</dt>
            <dd>
              {residency ? (
                <span>
                  <Icon name="shield" size={16} /> {t("account.verifiedIn", { council: residency.council ?? t("scope.town") })} — {t(`residency.methods.${residency.method}`)}
                </span>
              ) : (
                <span>
                  {t("account.notVerified")} <Link to="/account/residency">{t("account.verifyNow")}</Link>
                </span>
              )}
            </dd>
          </div>
        </dl>
      </section>
      {canDesk ? (
        <p>
          <Link to="/desk/residents" className="btn"><Icon name="users" /> {t("deskResidents.title")}</Link>
        </p>
      ) : null}
      <ul className="plain link-cards">
        {(["space", "preferences", "security", "data"] as const).map((k) => (
          <li key={k} className="card">
            <h2 className="h3">
              <Link to={`/account/${k}`}>{t(`account.tabs.${k}`)}</Link>
            </h2>
            <p className="small muted">{t(`account.cards.${k}`)}</p>
          </li>
        ))}
      </ul>
      <Form method="post" action="/logout">
        <button type="submit" className="btn">
          <Icon name="logout" /> {t("nav.logout")}
        </button>
      </Form>
    </div>
  );
}

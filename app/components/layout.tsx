/** The page shell: header (navigation, language switch, account menu) and footer. */
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "./ui/icon";

export interface ShellData {
  locale: "fr" | "en";
  townName: string;
  actor: { displayName: string } | null;
  canAdmin: boolean;
  canModerate: boolean;
  canDashboard?: boolean;
  unread: number;
}

const NAV: { to: string; key: string; icon: IconName }[] = [
  { to: "/ideas", key: "nav.ideas", icon: "bulb" },
  { to: "/councils", key: "nav.councils", icon: "map" },
  { to: "/meetings", key: "nav.meetings", icon: "calendar" },
  { to: "/votes", key: "nav.votes", icon: "vote" },
  { to: "/budgets", key: "nav.budgets", icon: "euro" },
  { to: "/decisions", key: "nav.decisions", icon: "scale" },
  { to: "/rules", key: "nav.rules", icon: "book" },
];

export function Header({ shell }: { shell: ShellData }) {
  const { t } = useTranslation();
  const location = useLocation();
  const back = location.pathname + location.search;
  const other = shell.locale === "fr" ? "en" : "fr";
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="scale" size={22} />
          </span>
          <span className="brand-text">
            <span className="brand-town">{shell.townName}</span>
            <span className="brand-product">{t("app.name")}</span>
          </span>
        </Link>
        <div className="header-tools">
          <Link to="/search" className="btn-link">
            <Icon name="search" size={18} />
            <span>{t("nav.search")}</span>
          </Link>
          <Form method="post" action="/language" className="lang-switch" reloadDocument>
            <input type="hidden" name="redirectTo" value={back} />
            <input type="hidden" name="lng" value={other} />
            <button type="submit" className="btn-link" lang={other} aria-label={t("nav.switchLanguage", { lng: t(`languages.${other}`) })}>
              <Icon name="globe" size={18} />
              <span>{t(`languages.${other}`)}</span>
            </button>
          </Form>
          {shell.actor ? (
            <details className="account-menu">
              <summary>
                <Icon name="user" size={18} />
                <span className="account-name">{shell.actor.displayName}</span>
                {shell.unread ? (
                  <>
                    <span className="dot" aria-hidden="true" />
                    <span className="visually-hidden">{t("nav.unread", { count: shell.unread })}</span>
                  </>
                ) : null}
                <Icon name="chevronDown" size={16} />
              </summary>
              <ul>
                <li>
                  <Link to="/account">{t("nav.account")}</Link>
                </li>
                <li>
                  <Link to="/account/notifications">
                    {t("nav.notifications")}
                    {shell.unread ? <span className="count-pill">{t("nav.unread", { count: shell.unread })}</span> : null}
                  </Link>
                </li>
                {shell.canDashboard ? (
                  <li>
                    <Link to="/dashboard">{t("nav.dashboard")}</Link>
                  </li>
                ) : null}
                {shell.canModerate ? (
                  <li>
                    <Link to="/moderation">{t("nav.moderation")}</Link>
                  </li>
                ) : null}
                {shell.canAdmin ? (
                  <li>
                    <Link to="/admin">{t("nav.admin")}</Link>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="btn-link">
                      <Icon name="logout" size={18} /> {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              </ul>
            </details>
          ) : (
            <Link to={`/login?redirectTo=${encodeURIComponent(back)}`} className="btn btn-small">
              <Icon name="login" size={18} /> {t("nav.login")}
            </Link>
          )}
        </div>
      </div>
      <nav className="main-nav" aria-label={t("nav.main")}>
        <ul className="wrap">
          <li>
            <NavLink to="/" end>
              <Icon name="home" size={18} /> {t("nav.home")}
            </NavLink>
          </li>
          {NAV.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to}>
                <Icon name={n.icon} size={18} /> {t(n.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function Footer({ shell }: { shell: Pick<ShellData, "townName"> }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="wrap footer-grid">
        <div>
          <p className="footer-title">{shell.townName}</p>
          <p>{t("footer.promise")}</p>
        </div>
        <nav aria-label={t("footer.nav")}>
          <ul>
            <li><Link to="/rules">{t("footer.rules")}</Link></li>
            <li><Link to="/open-data">{t("footer.openData")}</Link></li>
            <li><Link to="/statistics">{t("footer.statistics")}</Link></li>
            <li><Link to="/accessibility">{t("footer.accessibility")}</Link></li>
            <li><Link to="/legal">{t("footer.legal")}</Link></li>
            <li><Link to="/privacy">{t("footer.privacy")}</Link></li>
          </ul>
        </nav>
      </div>
      <div className="wrap footer-small">
        <p>{t("footer.software")}</p>
      </div>
    </footer>
  );
}

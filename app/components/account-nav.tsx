/** The tabs of the account pages (a list of links; the current one is marked). */
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TABS = [
  ["/account", "account.tabs.profile"],
  ["/account/space", "account.tabs.space"],
  ["/account/notifications", "account.tabs.notifications"],
  ["/account/preferences", "account.tabs.preferences"],
  ["/account/security", "account.tabs.security"],
  ["/account/data", "account.tabs.data"],
] as const;

export function AccountNav() {
  const { t } = useTranslation();
  return (
    <nav className="account-nav" aria-label={t("account.tabs.label")}>
      <ul>
        {TABS.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

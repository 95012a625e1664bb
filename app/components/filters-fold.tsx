/**
 * The filters of a list page, folded in a <details> that comes before the list: on a
 * phone they are one line above the results (open them with a tap, no JavaScript needed);
 * on a wide screen the styles show them open in the side column (see .filters-fold in
 * app.css), with a plain heading instead of the toggle.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "./ui/icon";

export function FiltersFold({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const count = active ? <span className="badge badge-info">{t("filters.active", { count: active })}</span> : null;
  return (
    <details className="card filters-fold">
      <summary>
        <h2 className="h3">
          <Icon name="search" /> {t("filters.title")}
        </h2>
        {count}
        <Icon name="chevronDown" size={18} className="fold-chevron" />
      </summary>
      <h2 className="h3 fold-heading">
        <Icon name="search" /> {t("filters.title")}
      </h2>
      {children}
    </details>
  );
}

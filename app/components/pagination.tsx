/** Previous / next links that keep the current filters. */
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(location.search);
    q.set("page", String(p));
    return `${location.pathname}?${q.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("pagination.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t("pagination.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The rulebook's enforced numbers, as a readable table. */
import { useTranslation } from "react-i18next";
import { TableWrap } from "./ui/table-wrap";

export function paramValue(t: (k: string, o?: Record<string, unknown>) => string, key: string, value: unknown): string {
  if (typeof value === "boolean") return t(`rules.params.${key}.${value ? "yes" : "no"}`);
  if (typeof value === "number") return t(`rules.params.${key}.value`, { value, count: value });
  return t(`rules.params.${key}.options.${String(value)}`, { defaultValue: String(value) });
}

export function ParamsTable({ params, caption }: { params: Record<string, unknown>; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rules.param")}</th>
            <th scope="col">{t("rules.value")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(params).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">
                {t(`rules.params.${key}.label`)}
                <span className="hint">{t(`rules.params.${key}.help`)}</span>
              </th>
              <td>{paramValue(t, key, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A labelled <select> for GET filter forms, with an "all" choice first. */
import { useTranslation } from "react-i18next";

export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  all = true,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  all?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {all ? <option value="">{t("filters.all")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A labelled form field with its errors. Errors arrive as translation keys (from zod
 * schemas or DomainErrors) and are translated here; the input points at them with
 * aria-describedby and aria-invalid so screen readers announce them.
 */
import { useTranslation } from "react-i18next";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] | undefined; errorParams?: Record<string, unknown> };

/** Error messages are translation keys, optionally with parameters: "errors.tooShort::{\"min\":200}". */
export function splitMessage(m: string): [string, Record<string, unknown> | undefined] {
  const i = m.indexOf("::");
  if (i < 0) return [m, undefined];
  try {
    return [m.slice(0, i), JSON.parse(m.slice(i + 2)) as Record<string, unknown>];
  } catch {
    return [m.slice(0, i), undefined];
  }
}

/** A parameter named fooKey is itself a translation key: it is passed as foo, translated. */
function withTranslatedKeys(own: Record<string, unknown> | undefined, t: (k: string) => string) {
  const out: Record<string, unknown> = { ...own };
  for (const [k, v] of Object.entries(own ?? {})) if (k.endsWith("Key")) out[k.slice(0, -3)] = typeof v === "string" && v ? t(v) : "";
  return out;
}

export function ErrorList({ id, errors, params }: { id: string; errors?: string[] | undefined; params?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => {
        const [key, own] = splitMessage(e);
        return (
          <li key={e}>
            <span className="visually-hidden">{t("form.errorPrefix")} </span>
            {t(key, { ...params, ...withTranslatedKeys(own, t) })}
          </li>
        );
      })}
    </ul>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function Field({ id, label, hint, errors, errorParams, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...input} />
      <ErrorList id={`${id}-error`} errors={errors} params={errorParams} />
    </div>
  );
}

export function TextareaField({ id, label, hint, errors, errorParams, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      <textarea id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...input} />
      <ErrorList id={`${id}-error`} errors={errors} params={errorParams} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  errorParams,
  children,
  ...input
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...input}>
        {children}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} params={errorParams} />
    </div>
  );
}

/** A banner for errors that belong to the whole form. */
export function FormErrors({ errors, params }: { errors?: string[] | undefined; params?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div className="notice notice-error" role="alert">
      {errors.map((e) => {
        const [key, own] = splitMessage(e);
        return <p key={e}>{t(key, { ...params, ...withTranslatedKeys(own, t) })}</p>;
      })}
    </div>
  );
}

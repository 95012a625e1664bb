/**
 * Locale formatting at the edge: dates, numbers and money through Intl.
 * Pure: no DB, no React. Money is integer cents everywhere in the app.
 */
export type Locale = "fr" | "en";
export const LOCALES: readonly Locale[] = ["fr", "en"] as const;
export const DEFAULT_LOCALE: Locale = "fr";
export const TOWN_TIME_ZONE = "Europe/Paris";

const intlTag: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };
export const intlLocale = (l: Locale) => intlTag[l];

export function isLocale(x: unknown): x is Locale {
  return x === "fr" || x === "en";
}

function toDate(d: Date | string | number): Date {
  return d instanceof Date ? d : new Date(d);
}

// Building an Intl formatter costs far more than using one (about 15 % of busy time under
// load before this cache): keep one per locale, options and zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag[locale], opts);
    dateFormats.set(key, f);
  }
  return f;
}

function numberFormat(locale: Locale, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag[locale], opts);
    numberFormats.set(key, f);
  }
  return f;
}

/** "mardi 12 décembre 2026" / "Tuesday 12 December 2026". */
export function formatDateLong(d: Date | string | number, locale: Locale, timeZone = TOWN_TIME_ZONE) {
  return dateFormat(locale, { dateStyle: "full", timeZone }).format(toDate(d));
}

/** "12 déc. 2026" / "12 Dec 2026". */
export function formatDateShort(d: Date | string | number, locale: Locale, timeZone = TOWN_TIME_ZONE) {
  return dateFormat(locale, { dateStyle: "medium", timeZone }).format(toDate(d));
}

/** "mardi 12 décembre 2026 à 18:30". */
export function formatDateTime(d: Date | string | number, locale: Locale, timeZone = TOWN_TIME_ZONE) {
  return dateFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(toDate(d));
}

export function formatNumber(n: number, locale: Locale, opts?: Intl.NumberFormatOptions) {
  return numberFormat(locale, opts).format(n);
}

export function formatMoney(cents: number, locale: Locale, currency = "EUR") {
  const whole = cents % 100 === 0;
  return numberFormat(locale, { style: "currency", currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export function formatPercent(ratio: number, locale: Locale, digits = 0) {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(ratio);
}

/** "18:30" / "18:30" (24-hour clock in both languages). */
export function formatTime(d: Date | string | number, locale: Locale, timeZone = TOWN_TIME_ZONE) {
  return dateFormat(locale, { timeStyle: "short", timeZone }).format(toDate(d));
}

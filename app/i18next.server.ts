/**
 * Language detection and server-side translation: the `lng` cookie (set by the language
 * switch) first, then the browser's Accept-Language, then French.
 */
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import en from "~/locales/en.json";
import fr from "~/locales/fr.json";
import { i18nConfig } from "./i18n";
import { isLocale, type Locale } from "./lib/format";

export const resources = { fr: { common: fr }, en: { common: en } };

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

export async function getLocale(request: Request): Promise<Locale> {
  const l = await i18next.getLocale(request);
  return isLocale(l) ? l : "fr";
}

/**
 * One initialised i18next instance per language, shared by every request in that language
 * (rendering, loaders, the outbox worker). Creating and initialising an instance per
 * request (and per getFixedT call, as RemixI18Next.getFixedT does) was about 13 % of busy
 * time under load (decision record 015). The instances are never mutated after init —
 * nobody calls changeLanguage on them — so one request's language cannot leak into another's.
 */
const instances = new Map<Locale, I18n>();
export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    instance.use(initReactI18next);
    // resources are inline: with initImmediate false, init completes synchronously
    void instance.init({ ...i18nConfig, lng: locale, ns: ["common"], resources, initImmediate: false });
    memoiseTranslations(instance);
    instances.set(locale, instance);
  }
  return instance;
}

/** Entries kept per language before the memo starts again (≈ a few MB at most). */
const MEMO_LIMIT = 20_000;

/**
 * The memo key of a call, or null when the call must not be memoised: a string key, and
 * options whose values are all primitives, null or arrays of primitives (no functions, no
 * nested objects). `count: 1` and `count: "1"` give different keys.
 */
export function translationMemoKey(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null) return null;
  for (const v of Object.values(options)) {
    if (v === null) continue; // react-i18next's t passes `lngs: null`
    if (typeof v === "object" ? !(Array.isArray(v) && v.every((x) => typeof x !== "object" && typeof x !== "function")) : typeof v === "function") return null;
  }
  return `${key}\u0000${JSON.stringify(options)}`;
}

/**
 * A translation of a shared, never-mutated instance depends only on its key and options,
 * and translating was ≈ 10 % of the busy time of a signed-in page (key resolution, plural
 * rules, interpolation, for the same few hundred strings on every request): the results
 * are kept in a bounded map. Only string results are kept.
 */
function memoiseTranslations(instance: I18n) {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const memo = new Map<string, string>();
  instance.t = ((key: unknown, options?: unknown) => {
    const k = translationMemoKey(key, options);
    if (k === null) return translate(key, options);
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const value = translate(key, options);
    if (typeof value === "string") {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(k, value);
    }
    return value;
  }) as unknown as I18n["t"];
}

const fixedT = new Map<Locale, TFunction>();
/** The translation function of a language (shared, synchronous). */
export function tSync(locale: Locale): TFunction {
  let t = fixedT.get(locale);
  if (!t) {
    t = i18nFor(locale).getFixedT(locale, "common");
    fixedT.set(locale, t);
  }
  return t;
}

export async function getFixedT(request: Request) {
  return tSync(await getLocale(request));
}

export async function tFor(locale: Locale) {
  return tSync(locale);
}

export default i18next;

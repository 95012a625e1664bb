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
    instances.set(locale, instance);
  }
  return instance;
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

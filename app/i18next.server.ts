/**
 * Language detection and server-side translation: the `lng` cookie (set by the language
 * switch) first, then the browser's Accept-Language, then French.
 */
import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
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

export async function getFixedT(request: Request) {
  return i18next.getFixedT(await getLocale(request), "common");
}

export async function tFor(locale: Locale) {
  return i18next.getFixedT(locale, "common");
}

export default i18next;

const syncT = new Map<Locale, TFunction>();
/**
 * A translation function usable synchronously outside requests (the outbox worker words
 * emails, SMS and letters in each recipient's language inside a transaction).
 */
export function tSync(locale: Locale): TFunction {
  let t = syncT.get(locale);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nConfig, lng: locale, ns: ["common"], resources, initImmediate: false });
    t = instance.getFixedT(locale, "common");
    syncT.set(locale, t);
  }
  return t;
}

/** Hydration, in the language the server rendered (read from <html lang>). */
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n";

async function hydrate() {
  const lng = document.documentElement.lang === "en" ? "en" : "fr";
  const messages = lng === "en" ? (await import("./locales/en.json")).default : (await import("./locales/fr.json")).default;
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, ns: ["common"], resources: { [lng]: { common: messages } } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();

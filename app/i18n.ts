/** i18next options shared by server and client. French is the default language. */
export const i18nConfig = {
  supportedLngs: ["fr", "en"],
  fallbackLng: "fr",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

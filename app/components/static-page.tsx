/** A text page whose content lives in the locale files (pages.<key>.sections). */
import { useTranslation } from "react-i18next";

type Section = { title: string; paragraphs: string[] };

export function StaticPage({ pageKey }: { pageKey: string }) {
  const { t } = useTranslation();
  const sections = t(`pages.${pageKey}.sections`, { returnObjects: true }) as Section[];
  return (
    <div className="wrap page narrow">
      <article className="prose document">
        <h1>{t(`pages.${pageKey}.title`)}</h1>
        <p className="lead">{t(`pages.${pageKey}.lead`)}</p>
        {Array.isArray(sections)
          ? sections.map((s) => (
              <section key={s.title}>
                <h2>{s.title}</h2>
                {s.paragraphs.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </section>
            ))
          : null}
      </article>
    </div>
  );
}

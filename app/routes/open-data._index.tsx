/** Open data: every dataset with its format, size and licence (from the registry). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { exportSize } from "~/domain/opendata/export-store.server";
import { datasets, LICENCE } from "~/domain/opendata/registry.server";
import { getTown } from "~/domain/town/town.server";
import { getFixedT, getLocale } from "~/i18next.server";
import { formatNumber } from "~/lib/format";
import { titleMeta } from "~/utils/meta";
import { TableWrap } from "~/components/ui/table-wrap";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const ctx = { locale: await getLocale(request), townName: getTown().name };
  return {
    title: t("openData.title"),
    licence: LICENCE,
    sets: datasets().map((d) => ({
      file: d.file,
      href: d.href ?? `/open-data/${d.file}`,
      titleKey: d.titleKey,
      descriptionKey: d.descriptionKey,
      titleParams: d.titleParams ?? {},
      format: d.format,
      // the latest build's size; never every export rebuilt for this page (export-store.server.ts)
      bytes: exportSize(d, ctx),
    })),
  };
}

function sizeLabel(bytes: number, locale: "fr" | "en") {
  const unit = locale === "fr" ? ["o", "ko", "Mo"] : ["B", "kB", "MB"];
  if (bytes < 1000) return `${formatNumber(bytes, locale)} ${unit[0]}`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, locale, { maximumFractionDigits: 1 })} ${unit[1]}`;
  return `${formatNumber(bytes / 1_000_000, locale, { maximumFractionDigits: 1 })} ${unit[2]}`;
}

export default function OpenDataRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sets, licence } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>{t("openData.title")}</h1>
      <p className="lead">{t("openData.intro")}</p>
      <p>
        {t("openData.licence")} <a href={licence.url}>{licence.name}</a>
      </p>
      <TableWrap label={t("openData.title")}>
        <table>
          <caption className="visually-hidden">{t("openData.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("openData.dataset")}</th>
              <th scope="col">{t("openData.format")}</th>
              <th scope="col">{t("openData.size")}</th>
              <th scope="col">{t("openData.licenceCol")}</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((d) => (
              <tr key={d.file}>
                <td>
                  <a href={d.href} download={d.format === "Atom" ? undefined : d.file}>
                    <Icon name={d.format === "Atom" ? "feed" : "download"} size={16} /> {t(d.titleKey, d.titleParams)}
                  </a>
                  <br />
                  <span className="small muted">{t(d.descriptionKey, d.titleParams)}</span>
                </td>
                <td>{d.format}</td>
                <td>{sizeLabel(d.bytes, locale)}</td>
                <td>{t("openData.licenceShort")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

/** Page titles: loaders return a translated `title`; this builds "<title> · <town>". */
import type { MetaFunction } from "@remix-run/node";

type WithTitle = { title?: string } | undefined;

export const titleMeta: MetaFunction = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { shell?: { townName?: string } } | undefined;
  const town = root?.shell?.townName ?? "Conseil Ouvert";
  const title = (data as WithTitle)?.title;
  return [{ title: title ? `${title} · ${town}` : town }];
};

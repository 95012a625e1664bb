/** Hooks components use to read the shell's locale and town (from the root loader). */
import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/lib/format";

type RootShell = { shell?: { locale: Locale; townName: string; actor: { displayName: string } | null } };

export function useLocale(): Locale {
  return (useRouteLoaderData("root") as RootShell | undefined)?.shell?.locale ?? "fr";
}

/**
 * The document: <html lang>, the accent colour, skip link, header, footer, and the
 * localized error page (404, 403, 500) that every route falls back to.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Footer, Header, type ShellData } from "~/components/layout";
import { useNonce } from "~/components/nonce";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { newOnceToken } from "~/domain/once/once.server";
import { unreadCount } from "~/domain/notifications/notifications.server";
import { getActor } from "~/domain/accounts/session.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/app.css?v=2" },
  { rel: "stylesheet", href: "/styles/print.css?v=2", media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ name: "color-scheme", content: "light" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, actor] = await Promise.all([getLocale(request), getActor(request)]);
  const town = getTown();
  const shell: ShellData & { accentColor: string; demo: boolean } = {
    locale,
    townName: town.name,
    accentColor: town.accentColor,
    demo: town.demo,
    actor: actor ? { displayName: actor.displayName } : null,
    canAdmin: can(actor, "admin.view"),
    canModerate: canSomewhere(actor, "moderation.act"),
    canDashboard: canSomewhere(actor, "dashboard.view"),
    unread: actor ? unreadCount(actor.userId) : 0,
  };
  // A fresh one-time token for the creating forms on the page (see OnceField); the page
  // cache chooses it (and refills it for every response it serves from a stored page).
  const once = (context as { onceToken?: string }).onceToken ?? newOnceToken();
  return { shell, once };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useShell() {
  return useRouteLoaderData<typeof loader>("root")?.shell;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const shell = data?.shell;
  const locale = shell?.locale ?? (i18n.language === "en" ? "en" : "fr");
  return (
    <html lang={locale} dir="ltr" style={shell ? ({ "--accent": shell.accentColor } as React.CSSProperties) : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        {shell ? <Header shell={shell} /> : null}
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <Footer shell={{ townName: shell?.townName ?? t("app.name") }} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "server";
  if (status >= 500) console.error(error);
  return (
    <div className="wrap page narrow">
      <title>{`${t(`errorPage.${kind}.title`)} · ${t("app.name")}`}</title>
      <p className="eyebrow">{t("errorPage.code", { status })}</p>
      <h1>{t(`errorPage.${kind}.title`)}</h1>
      <p className="lead">{t(`errorPage.${kind}.body`)}</p>
      <p>
        <Link to="/" className="btn">
          {t("errorPage.home")}
        </Link>
      </p>
    </div>
  );
}

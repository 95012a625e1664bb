/** Admin: the councils, and creating a new one. */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilForm } from "~/components/council-form";
import { createCouncil, listCouncils } from "~/domain/councils/councils.server";
import { CouncilSchema } from "~/domain/councils/schemas";
import { getFixedT } from "~/i18next.server";
import { replyWithError, requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.create");
  const t = await getFixedT(request);
  return { title: t("admin.councils.title"), councils: listCouncils() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "council.create");
  const submission = parseWithZod(await request.formData(), { schema: CouncilSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const council = createCouncil(actor, submission.value);
    return redirect(`/councils/${council.slug}`);
  } catch (e) {
    return replyWithError(submission, e);
  }
}

export default function AdminCouncilsRoute() {
  const { t } = useTranslation();
  const { councils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li aria-current="page">{t("admin.councils.title")}</li>
        </ol>
      </nav>
      <h1>{t("admin.councils.title")}</h1>
      <div className="two-col">
        <section aria-labelledby="list-title">
          <h2 id="list-title">{t("admin.councils.list")}</h2>
          <ul className="link-list">
            {councils.map((c) => (
              <li key={c.id}>
                <Link to={`/admin/councils/${c.slug}`}>{c.name}</Link> <span className="muted small">/{c.slug}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="new-title">
          <h2 id="new-title">{t("admin.councils.new")}</h2>
          <CouncilForm lastResult={lastResult} submitLabel={t("admin.councils.create")} />
        </section>
      </div>
    </div>
  );
}

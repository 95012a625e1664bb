/** Facilitators' moderation queue: reported ideas and comments of their councils. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useLocale } from "~/components/hooks";
import { ModerateForm } from "~/components/idea/idea-arguments";
import type { IntentResult } from "~/components/forms";
import { Icon } from "~/components/ui/icon";
import { canSomewhere } from "~/domain/accounts/policy";
import { ModerationSchema } from "~/domain/ideas/schemas";
import { dismissReports, hideContent, moderationQueue } from "~/domain/moderation/moderation.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { idListField } from "~/lib/fields";
import { submitOnce } from "~/domain/once/once.server";
import { handleIntent, readIntent } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "moderation.act")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  return { title: t("moderation.queueTitle"), queue: moderationQueue(actor) };
}

const DismissSchema = z.object({ reportId: idListField("errors.badRequest").pipe(z.array(z.number()).min(1, "errors.badRequest")) });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "moderation.act")) throw new Response("Forbidden", { status: 403 });
  const formData = await request.formData();
  if (readIntent(formData).intent === "dismiss") {
    return handleIntent(formData, DismissSchema, (v) => (dismissReports(actor, v.reportId), redirect("/moderation?done=dismissed")));
  }
  return handleIntent(formData, ModerationSchema, (v) =>
    redirect(submitOnce(actor, formData.get("_once"), () => hideContent(actor, v), () => "/moderation?done=hidden").location),
  );
}

export default function ModerationRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { queue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  return (
    <div className="wrap page">
      <h1>{t("moderation.queueTitle")}</h1>
      <p className="lead">{t("moderation.queueIntro")}</p>
      {queue.length === 0 ? (
        <p className="notice notice-success"><Icon name="check" /> {t("moderation.queueEmpty")}</p>
      ) : (
        <ul className="plain stack">
          {queue.map((q) => (
            <li key={`${q.kind}-${q.id}`} className="card">
              <p className="eyebrow">{t(`moderation.kinds.${q.kind}`)} · {q.ideaTitle}</p>
              <blockquote className="reported">{q.excerpt}</blockquote>
              <p className="small">{t("moderation.author", { name: q.authorName ?? t("idea.anonymous") })} · <Link to={q.path}>{t("moderation.see")}</Link></p>
              <h2 className="h3">{t("moderation.reasons", { count: q.reasons.length })}</h2>
              <ul>
                {q.reasons.map((r) => (
                  <li key={r.at}>« {r.reason} » — {formatDateTime(r.at, locale)}</li>
                ))}
              </ul>
              <div className="moderation-actions">
                <ModerateForm kind={q.kind} id={q.id} hidden={false} result={result} />
                <Form method="post">
                  <input type="hidden" name="intent" value="dismiss" />
                  <input type="hidden" name="target" value={`${q.kind}-${q.id}`} />
                  {q.reportIds.map((id) => <input key={id} type="hidden" name="reportId" value={id} />)}
                  <button type="submit" className="btn btn-small">{t("moderation.dismiss")}</button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

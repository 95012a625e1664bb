/** Facilitators schedule a council meeting. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingForm } from "~/components/meeting/meeting-form";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { scheduleMeeting } from "~/domain/meetings/meetings.server";
import { MeetingSchema } from "~/domain/meetings/schemas";
import { getFixedT } from "~/i18next.server";
import { requireActor } from "~/utils/http.server";
import { handleCreate } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "meeting.manage")) throw new Response("Forbidden", { status: 403 });
  const preset = getCouncilBySlug(new URL(request.url).searchParams.get("council") ?? "");
  const t = await getFixedT(request);
  return {
    title: t("meetingForm.newTitle"),
    councils: listCouncils().filter((c) => can(actor, "meeting.manage", { councilId: c.id })).map((c) => ({ id: c.id, name: c.name })),
    defaults: { councilId: preset ? String(preset.id) : "", placeName: "", title: "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "meeting.manage")) throw new Response("Forbidden", { status: 403 });
  return handleCreate(await request.formData(), MeetingSchema, actor, (v) => scheduleMeeting(actor, v), (m) => `/meetings/${m.id}`);
}

export default function NewMeetingRoute() {
  const { t } = useTranslation();
  const { councils, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li aria-current="page">{t("meetingForm.newTitle")}</li>
        </ol>
      </nav>
      <h1>{t("meetingForm.newTitle")}</h1>
      <MeetingForm lastResult={lastResult} councils={councils} defaultValue={defaults} submitLabel={t("meetingForm.create")} />
    </div>
  );
}

/** Facilitators change a scheduled meeting's date, place or accessibility information. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingForm } from "~/components/meeting/meeting-form";
import { updateMeeting } from "~/domain/meetings/meetings.server";
import { MeetingSchema } from "~/domain/meetings/schemas";
import { getFixedT } from "~/i18next.server";
import { utcToLocal } from "~/lib/time";
import { handleForm } from "~/utils/forms.server";
import { managedMeeting } from "~/utils/meeting.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m } = await managedMeeting(request, params);
  const t = await getFixedT(request);
  return {
    title: t("meetingForm.editTitle"),
    id: m.id,
    meetingTitle: m.title,
    defaults: {
      councilId: String(m.councilId),
      title: m.title,
      startsAt: utcToLocal(m.startsAt),
      endsAt: utcToLocal(m.endsAt),
      placeName: m.placeName,
      address: m.address,
      accessibility: m.accessibility,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { m, actor } = await managedMeeting(request, params);
  const id = m.id;
  return handleForm(await request.formData(), MeetingSchema, (v) => {
    updateMeeting(actor, id, v);
    return redirect(`/meetings/${id}`);
  });
}

export default function EditMeetingRoute() {
  const { t } = useTranslation();
  const { id, meetingTitle, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/meetings/${id}`}>{meetingTitle}</Link></li>
          <li aria-current="page">{t("meetingForm.editTitle")}</li>
        </ol>
      </nav>
      <h1>{t("meetingForm.editTitle")}</h1>
      <MeetingForm lastResult={lastResult} councils={[]} defaultValue={defaults} submitLabel={t("form.save")} councilFixed />
    </div>
  );
}

/** Route helper: the meeting named in the URL, for someone who may run it (404 / 403 otherwise). */
import type { Params } from "@remix-run/react";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { idParam, notFound, requirePermission } from "./http.server";

export async function managedMeeting(request: Request, params: Params) {
  const m = getMeeting(idParam(params.id));
  if (!m) notFound();
  const actor = await requirePermission(request, "meeting.manage", { councilId: m.councilId });
  return { m, actor };
}

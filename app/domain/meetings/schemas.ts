/**
 * Input schemas for meetings, agendas and minutes (client-safe). Times are typed on the
 * town's clock; a wall time that does not exist or happens twice on a DST change day is
 * refused with a message saying so (app/lib/time.ts `resolveLocal`).
 */
import { z } from "zod";
import { idField, idListField, intField, optionalTextField, textField } from "~/lib/fields";
import { isLocalDateTime, resolveLocal } from "~/lib/time";

const localTime = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .refine(isLocalDateTime, "errors.dateTimeInvalid")
  .superRefine((v, ctx) => {
    const r = resolveLocal(v);
    if (!r.ok && r.problem !== "invalid") ctx.addIssue({ code: "custom", message: r.problem === "missing" ? "errors.timeMissing" : "errors.timeAmbiguous" });
  });

export const MeetingSchema = z
  .object({
    councilId: idField(),
    title: textField({ max: 160, singleLine: true }),
    startsAt: localTime,
    endsAt: localTime,
    placeName: textField({ max: 160, singleLine: true }),
    address: optionalTextField(300),
    accessibility: optionalTextField(1000),
  })
  .superRefine((v, ctx) => {
    const s = resolveLocal(v.startsAt);
    const e = resolveLocal(v.endsAt);
    if (s.ok && e.ok && e.utc <= s.utc) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
    }
  });
export type MeetingInput = z.infer<typeof MeetingSchema>;

export const AgendaSchema = z.object({
  agenda: textField({ max: 20_000 }),
  ideaIds: idListField("errors.ideaUnknown"),
});
export type AgendaInput = z.infer<typeof AgendaSchema>;

export const MinutesSchema = z.object({
  body: textField({ max: 100_000 }),
  attendanceCount: intField(0, 100_000),
  changeNote: optionalTextField(1000),
});
export type MinutesInput = z.infer<typeof MinutesSchema>;

export const CancelSchema = z.object({ reason: textField({ max: 1000 }) });

/** Input schemas for meetings, agendas and minutes. Times are typed on the town's clock. */
import { z } from "zod";
import { msg } from "~/lib/messages";
import { isLocalDateTime } from "~/lib/time";

const text = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, msg("errors.tooLong", { max }));
const optional = (max: number) => z.string().trim().max(max, msg("errors.tooLong", { max })).optional().default("");
const localTime = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").refine(isLocalDateTime, "errors.dateTimeInvalid");

export const MeetingSchema = z
  .object({
    councilId: z.coerce.number({ invalid_type_error: "errors.choose", required_error: "errors.choose" }).int().positive("errors.choose"),
    title: text(160),
    startsAt: localTime,
    endsAt: localTime,
    placeName: text(160),
    address: optional(300),
    accessibility: optional(1000),
  })
  .superRefine((v, ctx) => {
    if (isLocalDateTime(v.startsAt) && isLocalDateTime(v.endsAt) && v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
    }
  });
export type MeetingInput = z.infer<typeof MeetingSchema>;

export const AgendaSchema = z.object({
  agenda: text(20_000),
  ideaIds: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number({ invalid_type_error: "errors.ideaUnknown" }).int().positive("errors.ideaUnknown"))).default([]),
});
export type AgendaInput = z.infer<typeof AgendaSchema>;

export const MinutesSchema = z.object({
  body: text(100_000),
  attendanceCount: z.coerce
    .number({ invalid_type_error: "errors.number", required_error: "errors.required" })
    .int("errors.integer")
    .min(0, msg("errors.numberMin", { min: 0 }))
    .max(100_000, msg("errors.numberMax", { max: 100_000 })),
  changeNote: optional(1000),
});
export type MinutesInput = z.infer<typeof MinutesSchema>;

export const CancelSchema = z.object({ reason: text(1000) });

/** Ideas as open data, without personal data (no names, no contacts). */
import { asc, eq, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { councils, ideas } from "#db/schema";
import { toCsv } from "~/lib/csv";
import type { Dataset } from "../opendata/types";

function rows() {
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      body: ideas.body,
      theme: ideas.theme,
      council: councils.name,
      place: ideas.place,
      status: ideas.status,
      channel: ideas.channel,
      submittedAt: ideas.submittedAt,
      dueAt: ideas.dueAt,
      answeredAt: ideas.answeredAt,
      answeredInTime: ideas.answeredInTime,
      supports: ideas.supportCount,
      comments: ideas.commentCount,
      mergedInto: ideas.mergedIntoId,
      thresholdReachedAt: ideas.thresholdReachedAt,
    })
    .from(ideas)
    .leftJoin(councils, eq(councils.id, ideas.councilId))
    .where(isNull(ideas.hiddenAt))
    .orderBy(asc(ideas.id))
    .all();
}

export const ideaDatasets: Dataset[] = [
  {
    file: "ideas.json",
    titleKey: "openData.sets.ideasJson.title",
    descriptionKey: "openData.sets.ideasJson.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () => JSON.stringify(rows(), null, 1),
  },
  {
    file: "ideas.csv",
    titleKey: "openData.sets.ideasCsv.title",
    descriptionKey: "openData.sets.ideasCsv.description",
    format: "CSV",
    contentType: "text/csv; charset=utf-8",
    produce: () => {
      return toCsv(
        ["id", "title", "body", "theme", "council", "place", "status", "channel", "submitted_at", "due_at", "answered_at", "answered_in_time", "supports", "comments", "merged_into", "threshold_reached_at"],
        rows().map((x) => [x.id, x.title, x.body, x.theme, x.council, x.place, x.status, x.channel, x.submittedAt, x.dueAt, x.answeredAt, x.answeredInTime, x.supports, x.comments, x.mergedInto, x.thresholdReachedAt]),
      );
    },
  },
];

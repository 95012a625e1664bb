CREATE TABLE `decision_meetings` (
	`meeting_id` integer NOT NULL,
	`decision_seq` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `decision_seq`)
);
--> statement-breakpoint
CREATE INDEX `ideas_unanswered_submitted_idx` ON `ideas` (`submitted_at`,`id`,`due_at`,`status`) WHERE answered_at IS NULL AND hidden_at IS NULL;--> statement-breakpoint
CREATE INDEX `role_assignments_council_idx` ON `role_assignments` (`council_id`,`role`);--> statement-breakpoint
CREATE TRIGGER `decisions_meetings_ai` AFTER INSERT ON `decisions` WHEN json_valid(new.evidence) BEGIN
  INSERT OR IGNORE INTO `decision_meetings` (`meeting_id`, `decision_seq`)
  SELECT CAST(substr(json_extract(new.evidence, e.fullkey || '.url'), 11) AS INTEGER), new.seq FROM json_each(new.evidence) e
  WHERE json_extract(new.evidence, e.fullkey || '.url') GLOB '/meetings/[0-9]*'
    AND (json_extract(new.evidence, e.fullkey || '.url') = '/meetings/' || CAST(substr(json_extract(new.evidence, e.fullkey || '.url'), 11) AS INTEGER)
      OR json_extract(new.evidence, e.fullkey || '.url') GLOB '/meetings/' || CAST(substr(json_extract(new.evidence, e.fullkey || '.url'), 11) AS INTEGER) || '#*');
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `decision_meetings` (`meeting_id`, `decision_seq`)
SELECT CAST(substr(json_extract(d.evidence, e.fullkey || '.url'), 11) AS INTEGER), d.seq FROM `decisions` d, json_each(CASE WHEN json_valid(d.evidence) THEN d.evidence ELSE '[]' END) e
WHERE json_extract(d.evidence, e.fullkey || '.url') GLOB '/meetings/[0-9]*'
    AND (json_extract(d.evidence, e.fullkey || '.url') = '/meetings/' || CAST(substr(json_extract(d.evidence, e.fullkey || '.url'), 11) AS INTEGER)
      OR json_extract(d.evidence, e.fullkey || '.url') GLOB '/meetings/' || CAST(substr(json_extract(d.evidence, e.fullkey || '.url'), 11) AS INTEGER) || '#*');

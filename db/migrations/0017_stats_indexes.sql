CREATE INDEX `ideas_stats_idx` ON `ideas` (`council_id`,`submitted_at`,`answered_at`,`answered_in_time`,`author_id`,`on_behalf_name`);--> statement-breakpoint
CREATE INDEX `meetings_stats_idx` ON `meetings` (`status`,`council_id`,`starts_at`,`minutes_due_at`);--> statement-breakpoint
CREATE INDEX `minutes_versions_published_idx` ON `minutes_versions` (`meeting_id`,`published_at`);
CREATE TABLE `idea_answer_days` (
	`council_key` integer NOT NULL,
	`days` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`council_key`, `days`)
);
--> statement-breakpoint
CREATE TABLE `idea_authors` (
	`council_key` integer NOT NULL,
	`person` text NOT NULL,
	PRIMARY KEY(`council_key`, `person`)
);
--> statement-breakpoint
CREATE INDEX `idea_authors_person_idx` ON `idea_authors` (`person`);--> statement-breakpoint
CREATE TABLE `idea_monthly_stats` (
	`council_key` integer NOT NULL,
	`month` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`in_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`council_key`, `month`)
);
--> statement-breakpoint
CREATE TRIGGER `ideas_stats_insert` AFTER INSERT ON `ideas` BEGIN
	INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `received`) VALUES (coalesce(NEW.`council_id`, 0), substr(NEW.`submitted_at`, 1, 7), 1)
		ON CONFLICT (`council_key`, `month`) DO UPDATE SET `received` = `received` + 1;
	INSERT OR IGNORE INTO `idea_authors` (`council_key`, `person`) SELECT coalesce(NEW.`council_id`, 0), coalesce(NEW.`author_id`, '~' || NEW.`on_behalf_name`) WHERE coalesce(NEW.`author_id`, NEW.`on_behalf_name`) IS NOT NULL;
	INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `answered`, `in_time`) SELECT coalesce(NEW.`council_id`, 0), substr(NEW.`answered_at`, 1, 7), 1, coalesce(NEW.`answered_in_time`, 0) WHERE NEW.`answered_at` IS NOT NULL
		ON CONFLICT (`council_key`, `month`) DO UPDATE SET `answered` = `answered` + 1, `in_time` = `in_time` + excluded.`in_time`;
	INSERT INTO `idea_answer_days` (`council_key`, `days`, `n`) SELECT coalesce(NEW.`council_id`, 0), CAST(round(julianday(NEW.`answered_at`) - julianday(NEW.`submitted_at`)) AS INTEGER), 1 WHERE NEW.`answered_at` IS NOT NULL
		ON CONFLICT (`council_key`, `days`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_stats_answer` AFTER UPDATE OF `answered_at` ON `ideas` WHEN OLD.`answered_at` IS NULL AND NEW.`answered_at` IS NOT NULL BEGIN
	INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `answered`, `in_time`) VALUES (coalesce(NEW.`council_id`, 0), substr(NEW.`answered_at`, 1, 7), 1, coalesce(NEW.`answered_in_time`, 0))
		ON CONFLICT (`council_key`, `month`) DO UPDATE SET `answered` = `answered` + 1, `in_time` = `in_time` + excluded.`in_time`;
	INSERT INTO `idea_answer_days` (`council_key`, `days`, `n`) VALUES (coalesce(NEW.`council_id`, 0), CAST(round(julianday(NEW.`answered_at`) - julianday(NEW.`submitted_at`)) AS INTEGER), 1)
		ON CONFLICT (`council_key`, `days`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_stats_council` AFTER UPDATE OF `council_id` ON `ideas` WHEN OLD.`council_id` IS NOT NEW.`council_id` BEGIN
	UPDATE `idea_monthly_stats` SET `received` = `received` - 1 WHERE `council_key` = coalesce(OLD.`council_id`, 0) AND `month` = substr(OLD.`submitted_at`, 1, 7);
	INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `received`) VALUES (coalesce(NEW.`council_id`, 0), substr(NEW.`submitted_at`, 1, 7), 1)
		ON CONFLICT (`council_key`, `month`) DO UPDATE SET `received` = `received` + 1;
	UPDATE `idea_monthly_stats` SET `answered` = `answered` - 1, `in_time` = `in_time` - coalesce(OLD.`answered_in_time`, 0) WHERE OLD.`answered_at` IS NOT NULL AND `council_key` = coalesce(OLD.`council_id`, 0) AND `month` = substr(OLD.`answered_at`, 1, 7);
	INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `answered`, `in_time`) SELECT coalesce(NEW.`council_id`, 0), substr(NEW.`answered_at`, 1, 7), 1, coalesce(NEW.`answered_in_time`, 0) WHERE OLD.`answered_at` IS NOT NULL AND NEW.`answered_at` IS NOT NULL
		ON CONFLICT (`council_key`, `month`) DO UPDATE SET `answered` = `answered` + 1, `in_time` = `in_time` + excluded.`in_time`;
	INSERT OR IGNORE INTO `idea_authors` (`council_key`, `person`) SELECT coalesce(NEW.`council_id`, 0), coalesce(NEW.`author_id`, '~' || NEW.`on_behalf_name`) WHERE coalesce(NEW.`author_id`, NEW.`on_behalf_name`) IS NOT NULL;
END;
--> statement-breakpoint
INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `received`) SELECT coalesce(`council_id`, 0), substr(`submitted_at`, 1, 7), count(*) FROM `ideas` WHERE true GROUP BY 1, 2
	ON CONFLICT (`council_key`, `month`) DO UPDATE SET `received` = `received` + excluded.`received`;
--> statement-breakpoint
INSERT INTO `idea_monthly_stats` (`council_key`, `month`, `answered`, `in_time`) SELECT coalesce(`council_id`, 0), substr(`answered_at`, 1, 7), count(*), sum(coalesce(`answered_in_time`, 0)) FROM `ideas` WHERE `answered_at` IS NOT NULL GROUP BY 1, 2
	ON CONFLICT (`council_key`, `month`) DO UPDATE SET `answered` = `answered` + excluded.`answered`, `in_time` = `in_time` + excluded.`in_time`;
--> statement-breakpoint
INSERT INTO `idea_answer_days` (`council_key`, `days`, `n`) SELECT coalesce(`council_id`, 0), CAST(round(julianday(`answered_at`) - julianday(`submitted_at`)) AS INTEGER), count(*) FROM `ideas` WHERE `answered_at` IS NOT NULL GROUP BY 1, 2
	ON CONFLICT (`council_key`, `days`) DO UPDATE SET `n` = `n` + excluded.`n`;
--> statement-breakpoint
INSERT OR IGNORE INTO `idea_authors` (`council_key`, `person`) SELECT DISTINCT coalesce(`council_id`, 0), coalesce(`author_id`, '~' || `on_behalf_name`) FROM `ideas` WHERE coalesce(`author_id`, `on_behalf_name`) IS NOT NULL;

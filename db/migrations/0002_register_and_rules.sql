CREATE TABLE `decisions` (
	`seq` integer PRIMARY KEY NOT NULL,
	`recorded_at` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`author_role` text NOT NULL,
	`council_id` integer,
	`council_name` text,
	`subject_kind` text NOT NULL,
	`subject_id` text,
	`subject_title` text NOT NULL,
	`outcome` text NOT NULL,
	`explanation` text NOT NULL,
	`rule_version_id` integer,
	`rule_version_label` text,
	`evidence` text DEFAULT '[]' NOT NULL,
	`supersedes_seq` integer,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_hash_unique` ON `decisions` (`hash`);--> statement-breakpoint
CREATE INDEX `decisions_council_idx` ON `decisions` (`council_id`,`seq`);--> statement-breakpoint
CREATE INDEX `decisions_kind_idx` ON `decisions` (`subject_kind`,`seq`);--> statement-breakpoint
CREATE INDEX `decisions_author_idx` ON `decisions` (`author_id`,`seq`);--> statement-breakpoint
CREATE INDEX `decisions_recorded_idx` ON `decisions` (`recorded_at`);--> statement-breakpoint
CREATE INDEX `decisions_subject_idx` ON `decisions` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `decisions_supersedes_idx` ON `decisions` (`supersedes_seq`);--> statement-breakpoint
CREATE TABLE `rule_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`params` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text,
	`decision_seq` integer NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_versions_scope_number` ON `rule_versions` (`scope`,`number`);--> statement-breakpoint
CREATE INDEX `rule_versions_scope_published` ON `rule_versions` (`scope`,`published_at`);
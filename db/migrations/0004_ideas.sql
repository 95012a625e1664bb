CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` text,
	`parent_id` integer,
	`stance` text DEFAULT 'neutral' NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`edited_at` text,
	`withdrawn_at` text,
	`hidden_at` text,
	`hidden_by_name` text,
	`hidden_reason` text,
	`hidden_decision_seq` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_idea_idx` ON `comments` (`idea_id`,`id`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follows_unique` ON `follows` (`user_id`,`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `follows_subject_idx` ON `follows` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `idea_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`theme` text NOT NULL,
	`place` text NOT NULL,
	`replaced_at` text NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_revisions_idea_idx` ON `idea_revisions` (`idea_id`,`id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer,
	`author_id` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`theme` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`merged_into_id` integer,
	`channel` text DEFAULT 'online' NOT NULL,
	`recorded_by_id` text,
	`on_behalf_name` text,
	`on_behalf_contact` text,
	`consent_noted` integer DEFAULT false NOT NULL,
	`submitted_at` text NOT NULL,
	`due_at` text NOT NULL,
	`answer_delay_days` integer NOT NULL,
	`rule_version_id` integer,
	`answered_at` text,
	`answered_in_time` integer,
	`threshold_reached_at` text,
	`implemented_by_rule_version_id` integer,
	`support_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`edited_at` text,
	`hidden_at` text,
	`hidden_by_name` text,
	`hidden_reason` text,
	`hidden_decision_seq` integer,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ideas_submitted_idx` ON `ideas` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `ideas_supports_idx` ON `ideas` (`support_count`);--> statement-breakpoint
CREATE INDEX `ideas_comments_idx` ON `ideas` (`comment_count`);--> statement-breakpoint
CREATE INDEX `ideas_council_submitted_idx` ON `ideas` (`council_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `ideas_council_supports_idx` ON `ideas` (`council_id`,`support_count`);--> statement-breakpoint
CREATE INDEX `ideas_council_comments_idx` ON `ideas` (`council_id`,`comment_count`);--> statement-breakpoint
CREATE INDEX `ideas_status_submitted_idx` ON `ideas` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `ideas_status_supports_idx` ON `ideas` (`status`,`support_count`);--> statement-breakpoint
CREATE INDEX `ideas_status_comments_idx` ON `ideas` (`status`,`comment_count`);--> statement-breakpoint
CREATE INDEX `ideas_theme_submitted_idx` ON `ideas` (`theme`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `ideas_theme_supports_idx` ON `ideas` (`theme`,`support_count`);--> statement-breakpoint
CREATE INDEX `ideas_theme_comments_idx` ON `ideas` (`theme`,`comment_count`);--> statement-breakpoint
CREATE INDEX `ideas_due_idx` ON `ideas` (`answered_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `ideas_author_idx` ON `ideas` (`author_id`);--> statement-breakpoint
CREATE INDEX `ideas_merged_into_idx` ON `ideas` (`merged_into_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`idea_id` integer,
	`decision_seq` integer,
	`comment_id` integer,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`council_id` integer,
	`reporter_id` text,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`resolved_by_id` text,
	`resolved_at` text,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_subject_idx` ON `reports` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` text,
	`channel` text DEFAULT 'online' NOT NULL,
	`recorded_by_id` text,
	`on_behalf_name` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supports_idea_user` ON `supports` (`idea_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `supports_idea_behalf` ON `supports` (`idea_id`,`on_behalf_name`);--> statement-breakpoint
CREATE INDEX `supports_user_idx` ON `supports` (`user_id`);
CREATE TABLE `budget_envelopes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_id` integer NOT NULL,
	`council_id` integer,
	`amount` integer NOT NULL,
	`box_id` integer,
	`pb` text,
	`results` text,
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `ballot_boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_envelopes_unique` ON `budget_envelopes` (`budget_id`,`council_id`);--> statement-breakpoint
CREATE INDEX `budget_envelopes_council_idx` ON `budget_envelopes` (`council_id`);--> statement-breakpoint
CREATE TABLE `budget_phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_id` integer NOT NULL,
	`phase` text NOT NULL,
	`started_at` text NOT NULL,
	`decision_seq` integer NOT NULL,
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_phases_budget_idx` ON `budget_phases` (`budget_id`,`id`);--> statement-breakpoint
CREATE TABLE `budget_project_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`spent` integer NOT NULL,
	`body` text NOT NULL,
	`photo` text,
	`photo_type` text,
	`photo_alt` text DEFAULT '' NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`decision_seq` integer,
	FOREIGN KEY (`project_id`) REFERENCES `budget_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `budget_project_updates_project_idx` ON `budget_project_updates` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `budget_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_id` integer NOT NULL,
	`envelope_id` integer NOT NULL,
	`idea_id` integer,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`cost` integer NOT NULL,
	`ballot_id` text,
	`computed_funded` integer,
	`funded` integer,
	`status` text,
	`progress` integer DEFAULT 0 NOT NULL,
	`spent` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`envelope_id`) REFERENCES `budget_envelopes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_projects_budget_idx` ON `budget_projects` (`budget_id`,`envelope_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_projects_ballot_id` ON `budget_projects` (`envelope_id`,`ballot_id`);--> statement-breakpoint
CREATE TABLE `budget_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`budget_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`cost` integer,
	`feasibility_explanation` text NOT NULL,
	`cost_explanation` text DEFAULT '' NOT NULL,
	`conflict_of_interest` text DEFAULT '' NOT NULL,
	`reviewer_id` text,
	`reviewer_name` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`decision_seq` integer NOT NULL,
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_reviews_idea_id_unique` ON `budget_reviews` (`idea_id`);--> statement-breakpoint
CREATE INDEX `budget_reviews_budget_idx` ON `budget_reviews` (`budget_id`);--> statement-breakpoint
CREATE TABLE `budgets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`phase` text DEFAULT 'draft' NOT NULL,
	`settings` text NOT NULL,
	`rule_version_id` integer,
	`vote_opens_at` text,
	`vote_closes_at` text,
	`decision_seq` integer,
	`decision_outcome` text,
	`imported` integer DEFAULT false NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_by_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`rule_version_id`) REFERENCES `rule_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budgets_slug_unique` ON `budgets` (`slug`);--> statement-breakpoint
CREATE INDEX `budgets_phase_idx` ON `budgets` (`phase`,`created_at`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `budget_id` integer REFERENCES budgets(id);--> statement-breakpoint
CREATE INDEX `ideas_budget_idx` ON `ideas` (`budget_id`);--> statement-breakpoint
-- Budget history is append-only: phases, reviews and implementation updates are never edited
-- (an account's deletion may only blank the author); a counted envelope's ballots file and
-- results are written once.
CREATE TRIGGER `budget_phases_no_update` BEFORE UPDATE ON `budget_phases`
BEGIN SELECT RAISE(ABORT, 'budget phases are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_phases_no_delete` BEFORE DELETE ON `budget_phases`
BEGIN SELECT RAISE(ABORT, 'budget phases are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_reviews_no_update` BEFORE UPDATE ON `budget_reviews`
WHEN NOT (NEW.reviewer_id IS NULL AND NEW.id IS OLD.id AND NEW.verdict IS OLD.verdict AND NEW.cost IS OLD.cost AND NEW.feasibility_explanation IS OLD.feasibility_explanation AND NEW.cost_explanation IS OLD.cost_explanation AND NEW.conflict_of_interest IS OLD.conflict_of_interest AND NEW.decision_seq IS OLD.decision_seq)
BEGIN SELECT RAISE(ABORT, 'budget reviews are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_reviews_no_delete` BEFORE DELETE ON `budget_reviews`
BEGIN SELECT RAISE(ABORT, 'budget reviews are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_project_updates_no_update` BEFORE UPDATE ON `budget_project_updates`
WHEN NOT (NEW.author_id IS NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.body IS OLD.body AND NEW.status IS OLD.status AND NEW.progress IS OLD.progress AND NEW.spent IS OLD.spent AND NEW.photo IS OLD.photo AND NEW.decision_seq IS OLD.decision_seq)
BEGIN SELECT RAISE(ABORT, 'project updates are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_project_updates_no_delete` BEFORE DELETE ON `budget_project_updates`
BEGIN SELECT RAISE(ABORT, 'project updates are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `budget_envelopes_results_once` BEFORE UPDATE ON `budget_envelopes`
WHEN OLD.results IS NOT NULL AND (NEW.results IS NOT OLD.results OR NEW.pb IS NOT OLD.pb OR NEW.amount IS NOT OLD.amount OR NEW.box_id IS NOT OLD.box_id)
BEGIN SELECT RAISE(ABORT, 'a counted envelope never changes'); END;

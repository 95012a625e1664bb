CREATE TABLE `ballot_boxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`council_id` integer,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`spec` text NOT NULL,
	`rule_version_id` integer,
	`created_at` text NOT NULL,
	`closed_at` text,
	`closed_by_id` text,
	`tally` text,
	`certificate` text,
	`closing_decision_seq` integer,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ballot_boxes_council_idx` ON `ballot_boxes` (`council_id`,`closes_at`);--> statement-breakpoint
CREATE INDEX `ballot_boxes_closes_idx` ON `ballot_boxes` (`closes_at`);--> statement-breakpoint
CREATE TABLE `ballots` (
	`box_id` integer NOT NULL,
	`id` text NOT NULL,
	`channel` text NOT NULL,
	`content` text NOT NULL,
	PRIMARY KEY(`box_id`, `id`),
	FOREIGN KEY (`box_id`) REFERENCES `ballot_boxes`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `census_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference_hash` text NOT NULL,
	`family_name` text NOT NULL,
	`given_names` text NOT NULL,
	`name_key` text NOT NULL,
	`birth_date` text NOT NULL,
	`council_id` integer,
	`address` text NOT NULL,
	`address_key` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`import_id` integer NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `census_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `census_entries_reference_hash_unique` ON `census_entries` (`reference_hash`);--> statement-breakpoint
CREATE INDEX `census_entries_name_idx` ON `census_entries` (`name_key`);--> statement-breakpoint
CREATE INDEX `census_entries_address_idx` ON `census_entries` (`address_key`);--> statement-breakpoint
CREATE INDEX `census_entries_council_idx` ON `census_entries` (`council_id`,`active`);--> statement-breakpoint
CREATE TABLE `census_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by_id` text,
	`file_name` text DEFAULT '' NOT NULL,
	`row_count` integer NOT NULL,
	`added` integer NOT NULL,
	`changed` integer NOT NULL,
	`removed` integer NOT NULL,
	`decision_seq` integer NOT NULL,
	FOREIGN KEY (`imported_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `paper_ballot_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`sheet` integer NOT NULL,
	`pass` integer NOT NULL,
	`content` text,
	`entered_by_id` text,
	`entered_at` text NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `ballot_boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_ballot_entries_unique` ON `paper_ballot_entries` (`box_id`,`sheet`,`pass`);--> statement-breakpoint
CREATE TABLE `participations` (
	`box_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`channel` text NOT NULL,
	`recorded_by_id` text,
	`day` text NOT NULL,
	PRIMARY KEY(`box_id`, `person_key`),
	FOREIGN KEY (`box_id`) REFERENCES `ballot_boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `participations_box_channel_idx` ON `participations` (`box_id`,`channel`);--> statement-breakpoint
CREATE TABLE `residency_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`census_entry_id` integer,
	`address_key` text,
	`outcome` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`census_entry_id`) REFERENCES `census_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `residency_claims_user_idx` ON `residency_claims` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `residency_claims_address_idx` ON `residency_claims` (`address_key`);--> statement-breakpoint
CREATE INDEX `residency_claims_entry_idx` ON `residency_claims` (`census_entry_id`);--> statement-breakpoint
CREATE TABLE `residency_verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`census_entry_id` integer,
	`council_id` integer,
	`method` text NOT NULL,
	`verified_by_id` text,
	`document_type` text,
	`verified_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`census_entry_id`) REFERENCES `census_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residency_verifications_user_active` ON `residency_verifications` (`user_id`) WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `residency_verifications_entry_active` ON `residency_verifications` (`census_entry_id`) WHERE revoked_at IS NULL AND census_entry_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `residency_verifications_council_idx` ON `residency_verifications` (`council_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`box_id` integer NOT NULL,
	`council_id` integer,
	`question` text NOT NULL,
	`description` text NOT NULL,
	`form` text NOT NULL,
	`binding` integer NOT NULL,
	`created_by_id` text,
	`created_at` text NOT NULL,
	`decision_seq` integer,
	FOREIGN KEY (`box_id`) REFERENCES `ballot_boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_box_id_unique` ON `votes` (`box_id`);--> statement-breakpoint
CREATE INDEX `votes_council_idx` ON `votes` (`council_id`);--> statement-breakpoint
-- Hand-written below (drizzle-kit does not express these): append-only ballot box, frozen
-- boxes, and the former `resident` role assignments carried over as verifications.
-- Participations: never changed nor removed, nor replaced (INSERT OR REPLACE / REPLACE would
-- delete silently: recursive_triggers is off, so a BEFORE INSERT check is what refuses it).
-- The only change allowed is the one the database itself makes when a facilitator's account
-- is deleted: recorded_by_id becomes NULL.
CREATE TRIGGER `participations_no_update` BEFORE UPDATE ON `participations`
WHEN NOT (NEW.box_id IS OLD.box_id AND NEW.person_key IS OLD.person_key AND NEW.channel IS OLD.channel AND NEW.day IS OLD.day AND NEW.recorded_by_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'participations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `participations_no_delete` BEFORE DELETE ON `participations`
BEGIN SELECT RAISE(ABORT, 'participations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `participations_no_replace` BEFORE INSERT ON `participations`
WHEN EXISTS (SELECT 1 FROM participations WHERE box_id = NEW.box_id AND person_key = NEW.person_key)
BEGIN SELECT RAISE(ABORT, 'already voted in this box'); END;
--> statement-breakpoint
CREATE TRIGGER `ballots_no_update` BEFORE UPDATE ON `ballots`
BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ballots_no_delete` BEFORE DELETE ON `ballots`
BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ballots_no_replace` BEFORE INSERT ON `ballots`
WHEN EXISTS (SELECT 1 FROM ballots WHERE box_id = NEW.box_id AND id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_entries_no_update` BEFORE UPDATE ON `paper_ballot_entries`
WHEN NOT (NEW.id IS OLD.id AND NEW.box_id IS OLD.box_id AND NEW.sheet IS OLD.sheet AND NEW.pass IS OLD.pass AND NEW.content IS OLD.content AND NEW.entered_at IS OLD.entered_at AND NEW.entered_by_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'paper ballot entries are append-only: enter a resolution instead'); END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_entries_no_delete` BEFORE DELETE ON `paper_ballot_entries`
BEGIN SELECT RAISE(ABORT, 'paper ballot entries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_entries_no_replace` BEFORE INSERT ON `paper_ballot_entries`
WHEN EXISTS (SELECT 1 FROM paper_ballot_entries WHERE id = NEW.id OR (box_id = NEW.box_id AND sheet = NEW.sheet AND pass = NEW.pass))
BEGIN SELECT RAISE(ABORT, 'this sheet was already entered in this pass'); END;
--> statement-breakpoint
-- A box's question, options, electorate, kind and rule version are frozen once it opens;
-- its close may only move later, and only before the count; a counted box never changes.
CREATE TRIGGER `ballot_boxes_frozen` BEFORE UPDATE ON `ballot_boxes`
WHEN OLD.opens_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AND (
  NEW.spec IS NOT OLD.spec OR NEW.council_id IS NOT OLD.council_id OR NEW.kind IS NOT OLD.kind
  OR NEW.rule_version_id IS NOT OLD.rule_version_id OR NEW.opens_at IS NOT OLD.opens_at
  OR NEW.closes_at < OLD.closes_at OR NEW.title IS NOT OLD.title)
BEGIN SELECT RAISE(ABORT, 'this ballot box is open: its rules are frozen'); END;
--> statement-breakpoint
CREATE TRIGGER `ballot_boxes_counted` BEFORE UPDATE ON `ballot_boxes`
WHEN OLD.closed_at IS NOT NULL AND NOT (NEW.closed_by_id IS NULL AND NEW.closed_at IS OLD.closed_at AND NEW.tally IS OLD.tally AND NEW.certificate IS OLD.certificate AND NEW.closing_decision_seq IS OLD.closing_decision_seq AND NEW.spec IS OLD.spec AND NEW.closes_at IS OLD.closes_at)
BEGIN SELECT RAISE(ABORT, 'this ballot box is counted: its result never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `ballot_boxes_no_delete` BEFORE DELETE ON `ballot_boxes`
WHEN OLD.opens_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
BEGIN SELECT RAISE(ABORT, 'an opened ballot box cannot be deleted'); END;
--> statement-breakpoint
-- Residency was a `resident` role assignment; it is now a verification record.
INSERT INTO `residency_verifications` (`user_id`, `census_entry_id`, `council_id`, `method`, `verified_by_id`, `verified_at`)
SELECT `user_id`, NULL, `council_id`, 'migrated', `granted_by`, `granted_at` FROM `role_assignments` WHERE `role` = 'resident';
--> statement-breakpoint
DELETE FROM `role_assignments` WHERE `role` = 'resident';

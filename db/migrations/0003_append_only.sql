-- The decision register and the rulebook versions are append-only: a correction is a new
-- entry (or a new version), never an edit. The application has no UPDATE or DELETE path for
-- them; these triggers make the database itself refuse one.
CREATE TRIGGER `decisions_no_update` BEFORE UPDATE ON `decisions`
BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new entry that supersedes this one'); END;
--> statement-breakpoint
CREATE TRIGGER `decisions_no_delete` BEFORE DELETE ON `decisions`
BEGIN SELECT RAISE(ABORT, 'decisions are append-only: they cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_update` BEFORE UPDATE ON `rule_versions`
BEGIN SELECT RAISE(ABORT, 'rule versions are never edited: publish a new version'); END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_delete` BEFORE DELETE ON `rule_versions`
BEGIN SELECT RAISE(ABORT, 'rule versions cannot be deleted'); END;

-- Append-only tables refuse a rewrite whatever statement attempts it.
-- The UPDATE and DELETE triggers of 0003 and 0007 do not see `INSERT OR REPLACE`,
-- `REPLACE INTO` or an upsert that hits a UNIQUE key: SQLite's REPLACE deletes the old row
-- without firing DELETE triggers unless recursive_triggers is on, which is per connection
-- and off by default. A BEFORE INSERT trigger fires first, on any connection, whatever
-- the conflict clause: it refuses a row whose primary key or unique key already exists.
-- (`ON CONFLICT DO UPDATE` is refused here too, before the UPDATE trigger would be reached.)
CREATE TRIGGER `decisions_no_replace` BEFORE INSERT ON `decisions`
WHEN EXISTS (SELECT 1 FROM `decisions` WHERE `seq` = new.`seq` OR `hash` = new.`hash`)
BEGIN SELECT RAISE(ABORT, 'decisions are append-only: an existing entry cannot be replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `rule_versions_no_replace` BEFORE INSERT ON `rule_versions`
WHEN EXISTS (SELECT 1 FROM `rule_versions` WHERE `id` = new.`id` OR (`scope` = new.`scope` AND `number` = new.`number`))
BEGIN SELECT RAISE(ABORT, 'rule versions are never replaced: publish a new version'); END;
--> statement-breakpoint
CREATE TRIGGER `minutes_versions_no_replace` BEFORE INSERT ON `minutes_versions`
WHEN EXISTS (SELECT 1 FROM `minutes_versions` WHERE `id` = new.`id` OR (`meeting_id` = new.`meeting_id` AND `version` = new.`version`))
BEGIN SELECT RAISE(ABORT, 'minutes versions are never replaced: publish a new version'); END;
--> statement-breakpoint
-- role_changes is the audit of who granted or revoked which role: append-only as well.
-- Its user, actor and council columns are ON DELETE SET NULL, so that deleting an account
-- (or a council) anonymises the audit instead of failing: the one update allowed is
-- turning those references into NULL, with every other column unchanged.
CREATE TRIGGER `role_changes_no_replace` BEFORE INSERT ON `role_changes`
WHEN EXISTS (SELECT 1 FROM `role_changes` WHERE `id` = new.`id`)
BEGIN SELECT RAISE(ABORT, 'role changes are an append-only audit: an entry cannot be replaced'); END;
--> statement-breakpoint
CREATE TRIGGER `role_changes_no_update` BEFORE UPDATE ON `role_changes`
WHEN NOT (
  new.`id` IS old.`id` AND new.`at` IS old.`at` AND new.`change` IS old.`change` AND new.`role` IS old.`role`
  AND (new.`actor_id` IS old.`actor_id` OR new.`actor_id` IS NULL)
  AND (new.`user_id` IS old.`user_id` OR new.`user_id` IS NULL)
  AND (new.`council_id` IS old.`council_id` OR new.`council_id` IS NULL)
)
BEGIN SELECT RAISE(ABORT, 'role changes are an append-only audit: they cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER `role_changes_no_delete` BEFORE DELETE ON `role_changes`
BEGIN SELECT RAISE(ABORT, 'role changes are an append-only audit: they cannot be deleted'); END;

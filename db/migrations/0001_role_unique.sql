-- SQLite treats NULLs as distinct in UNIQUE constraints; a town-wide role (council_id NULL)
-- must still be unique per user, hence the expression index.
CREATE UNIQUE INDEX `role_assignments_unique` ON `role_assignments` (`user_id`, `role`, coalesce(`council_id`, 0));

-- Minutes versions are never edited: a correction is a new version with a change note.
CREATE TRIGGER `minutes_versions_no_update` BEFORE UPDATE ON `minutes_versions`
BEGIN SELECT RAISE(ABORT, 'minutes versions are never edited: publish a new version'); END;
--> statement-breakpoint
CREATE TRIGGER `minutes_versions_no_delete` BEFORE DELETE ON `minutes_versions`
BEGIN SELECT RAISE(ABORT, 'minutes versions cannot be deleted'); END;
--> statement-breakpoint
-- Minutes join the full-text search: one document per meeting, its latest version.
CREATE TRIGGER `minutes_search_ai` AFTER INSERT ON `minutes_versions` BEGIN
  DELETE FROM search_index WHERE rowid = new.meeting_id * 8 + 4;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  SELECT new.meeting_id * 8 + 4, 'minutes', new.meeting_id, NULL, m.council_id, m.title, new.body FROM meetings m WHERE m.id = new.meeting_id;
END;

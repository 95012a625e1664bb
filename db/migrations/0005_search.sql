-- Full-text search over ideas, comments and register entries (minutes join later).
-- unicode61 with remove_diacritics 2 makes "electricite" find "électricité".
-- rowid = source id * 8 + kind code (1 idea, 2 comment, 3 decision), so triggers can
-- replace one document without scanning. Hidden and withdrawn content is not indexed.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, idea_id UNINDEXED, council_id UNINDEXED, title, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `ideas_search_ai` AFTER INSERT ON `ideas` WHEN new.hidden_at IS NULL BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  VALUES (new.id * 8 + 1, 'idea', new.id, new.id, new.council_id, new.title, new.body || ' ' || new.place);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_au` AFTER UPDATE OF title, body, place, council_id, hidden_at ON `ideas` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  SELECT new.id * 8 + 1, 'idea', new.id, new.id, new.council_id, new.title, new.body || ' ' || new.place WHERE new.hidden_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` WHEN new.hidden_at IS NULL AND new.withdrawn_at IS NULL BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  SELECT new.id * 8 + 2, 'comment', new.id, new.idea_id, i.council_id, i.title, new.body FROM ideas i WHERE i.id = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF body, hidden_at, withdrawn_at ON `comments` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  SELECT new.id * 8 + 2, 'comment', new.id, new.idea_id, i.council_id, i.title, new.body FROM ideas i
  WHERE i.id = new.idea_id AND new.hidden_at IS NULL AND new.withdrawn_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_search_ai` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
  VALUES (new.seq * 8 + 3, 'decision', new.seq, CASE WHEN new.subject_kind = 'idea' THEN CAST(new.subject_id AS INTEGER) END, new.council_id, new.subject_title, new.explanation);
END;
--> statement-breakpoint
-- register entries written before this migration
INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body)
SELECT seq * 8 + 3, 'decision', seq, NULL, council_id, subject_title, explanation FROM decisions;

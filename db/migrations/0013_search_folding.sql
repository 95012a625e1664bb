-- Search folds ligatures and compatibility characters the same way in the index and in
-- queries ("coeur" finds "Cœur de ville", "m2" finds "m²"). SQLite's unicode61 tokenizer folds
-- case and accents only; a tokenizer or trigger calling a JavaScript function would break
-- every other connection (sqlite3 shell, drizzle-kit, backups). So the triggers fold in
-- plain SQL, with nested replace() over the table SEARCH_INDEX_FOLDS in app/lib/text.ts
-- (keep both in step: tests/integration/search-folding.test.ts checks every character),
-- and queries go through foldForSearch. The index keeps the original text too
-- (title_text, body_text, not indexed) so that results show "Cœur", not "Coeur".
-- The index is rebuilt from the tables.
DROP TRIGGER IF EXISTS `ideas_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `ideas_search_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `comments_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `comments_search_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decisions_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `minutes_search_ai`;
--> statement-breakpoint
DROP TABLE IF EXISTS `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, idea_id UNINDEXED, council_id UNINDEXED, title, body, title_text UNINDEXED, body_text UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `ideas_search_ai` AFTER INSERT ON `ideas` WHEN new.hidden_at IS NULL BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  VALUES (new.id * 8 + 1, 'idea', new.id, new.id, new.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body || ' ' || new.place, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), new.title, new.body || ' ' || new.place);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_search_au` AFTER UPDATE OF title, body, place, council_id, hidden_at ON `ideas` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  SELECT new.id * 8 + 1, 'idea', new.id, new.id, new.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body || ' ' || new.place, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), new.title, new.body || ' ' || new.place WHERE new.hidden_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` WHEN new.hidden_at IS NULL AND new.withdrawn_at IS NULL BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  SELECT new.id * 8 + 2, 'comment', new.id, new.idea_id, i.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(i.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), i.title, new.body FROM ideas i WHERE i.id = new.idea_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF body, hidden_at, withdrawn_at ON `comments` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  SELECT new.id * 8 + 2, 'comment', new.id, new.idea_id, i.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(i.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), i.title, new.body FROM ideas i
  WHERE i.id = new.idea_id AND new.hidden_at IS NULL AND new.withdrawn_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_search_ai` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  VALUES (new.seq * 8 + 3, 'decision', new.seq, CASE WHEN new.subject_kind = 'idea' THEN CAST(new.subject_id AS INTEGER) END, new.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.subject_title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.explanation, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), new.subject_title, new.explanation);
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_search_ai` AFTER INSERT ON `minutes_versions` BEGIN
  DELETE FROM search_index WHERE rowid = new.meeting_id * 8 + 4;
  INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
  SELECT new.meeting_id * 8 + 4, 'minutes', new.meeting_id, NULL, m.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(m.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), m.title, new.body FROM meetings m WHERE m.id = new.meeting_id;
END;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
SELECT id * 8 + 1, 'idea', id, id, council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body || ' ' || place, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), title, body || ' ' || place FROM ideas WHERE hidden_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
SELECT c.id * 8 + 2, 'comment', c.id, c.idea_id, i.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(i.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(c.body, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), i.title, c.body FROM comments c JOIN ideas i ON i.id = c.idea_id
WHERE c.hidden_at IS NULL AND c.withdrawn_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
SELECT seq * 8 + 3, 'decision', seq, CASE WHEN subject_kind = 'idea' THEN CAST(subject_id AS INTEGER) END, council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(subject_title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(explanation, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), subject_title, explanation FROM decisions;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, idea_id, council_id, title, body, title_text, body_text)
SELECT v.meeting_id * 8 + 4, 'minutes', v.meeting_id, NULL, m.council_id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(m.title, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(v.body, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ĳ', 'ij'), 'Ĳ', 'ij'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'), '¹', '1'), '²', '2'), '³', '3'), 'ᵉ', 'e'), 'ʳ', 'r'), 'ˢ', 's'), 'ª', 'a'), 'º', 'o'), m.title, v.body
FROM minutes_versions v JOIN meetings m ON m.id = v.meeting_id
WHERE v.version = (SELECT max(version) FROM minutes_versions w WHERE w.meeting_id = v.meeting_id);

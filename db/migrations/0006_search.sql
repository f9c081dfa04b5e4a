-- Schema 6: tables that page from SQLite.
-- Pinyin keys beside names (computed in Python by core.sortkeys when a record is saved,
-- backfilled after opening where missing): name_key sorts as a clerk expects (刘 before
-- 周), name_py holds full pinyin and initials for search ("zhoujie zj").
-- Partial indexes for the orders the big tables are shown in.
-- Full-text search (SQLite FTS5, trigram tokenizer: Chinese substrings of 3+ characters)
-- as external-content tables kept in step by triggers; core.tablequery falls back to
-- LIKE where these tables do not exist.

ALTER TABLE "teacher" ADD COLUMN "name_key" TEXT;
ALTER TABLE "teacher" ADD COLUMN "name_py" TEXT;
ALTER TABLE "unit" ADD COLUMN "name_key" TEXT;
ALTER TABLE "unit" ADD COLUMN "name_py" TEXT;
CREATE INDEX "teacher_name_key" ON "teacher" ("name_key");
CREATE INDEX "unit_name_key" ON "unit" ("name_key");

CREATE INDEX "activity_live_date" ON "activity" ("date", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "activity_live_title" ON "activity" ("title", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "observation_live_date" ON "observation" ("date", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "observation_live_topic" ON "observation" ("topic", "id") WHERE "deleted_at" IS NULL;

CREATE VIRTUAL TABLE "activity_fts" USING fts5(
    type, title, place, host, subject, organiser,
    content='activity', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "activity_fts_insert" AFTER INSERT ON "activity" BEGIN
    INSERT INTO activity_fts(rowid, type, title, place, host, subject, organiser)
    VALUES (new.id, new.type, new.title, new.place, new.host, new.subject, new.organiser);
END;
CREATE TRIGGER "activity_fts_delete" AFTER DELETE ON "activity" BEGIN
    INSERT INTO activity_fts(activity_fts, rowid, type, title, place, host, subject, organiser)
    VALUES ('delete', old.id, old.type, old.title, old.place, old.host, old.subject, old.organiser);
END;
CREATE TRIGGER "activity_fts_update" AFTER UPDATE OF type, title, place, host, subject, organiser
ON "activity" BEGIN
    INSERT INTO activity_fts(activity_fts, rowid, type, title, place, host, subject, organiser)
    VALUES ('delete', old.id, old.type, old.title, old.place, old.host, old.subject, old.organiser);
    INSERT INTO activity_fts(rowid, type, title, place, host, subject, organiser)
    VALUES (new.id, new.type, new.title, new.place, new.host, new.subject, new.organiser);
END;
INSERT INTO activity_fts(activity_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE "observation_fts" USING fts5(
    period, subject, grade_class, topic, lesson_type, observers_text,
    content='observation', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "observation_fts_insert" AFTER INSERT ON "observation" BEGIN
    INSERT INTO observation_fts(rowid, period, subject, grade_class, topic, lesson_type, observers_text)
    VALUES (new.id, new.period, new.subject, new.grade_class, new.topic, new.lesson_type, new.observers_text);
END;
CREATE TRIGGER "observation_fts_delete" AFTER DELETE ON "observation" BEGIN
    INSERT INTO observation_fts(observation_fts, rowid, period, subject, grade_class, topic, lesson_type,
                                observers_text)
    VALUES ('delete', old.id, old.period, old.subject, old.grade_class, old.topic, old.lesson_type,
            old.observers_text);
END;
CREATE TRIGGER "observation_fts_update" AFTER UPDATE OF period, subject, grade_class, topic, lesson_type,
    observers_text ON "observation" BEGIN
    INSERT INTO observation_fts(observation_fts, rowid, period, subject, grade_class, topic, lesson_type,
                                observers_text)
    VALUES ('delete', old.id, old.period, old.subject, old.grade_class, old.topic, old.lesson_type,
            old.observers_text);
    INSERT INTO observation_fts(rowid, period, subject, grade_class, topic, lesson_type, observers_text)
    VALUES (new.id, new.period, new.subject, new.grade_class, new.topic, new.lesson_type, new.observers_text);
END;
INSERT INTO observation_fts(observation_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE "teacher_fts" USING fts5(
    name, subject, position, title, phone, name_py,
    content='teacher', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "teacher_fts_insert" AFTER INSERT ON "teacher" BEGIN
    INSERT INTO teacher_fts(rowid, name, subject, position, title, phone, name_py)
    VALUES (new.id, new.name, new.subject, new.position, new.title, new.phone, new.name_py);
END;
CREATE TRIGGER "teacher_fts_delete" AFTER DELETE ON "teacher" BEGIN
    INSERT INTO teacher_fts(teacher_fts, rowid, name, subject, position, title, phone, name_py)
    VALUES ('delete', old.id, old.name, old.subject, old.position, old.title, old.phone, old.name_py);
END;
CREATE TRIGGER "teacher_fts_update" AFTER UPDATE OF name, subject, position, title, phone, name_py
ON "teacher" BEGIN
    INSERT INTO teacher_fts(teacher_fts, rowid, name, subject, position, title, phone, name_py)
    VALUES ('delete', old.id, old.name, old.subject, old.position, old.title, old.phone, old.name_py);
    INSERT INTO teacher_fts(rowid, name, subject, position, title, phone, name_py)
    VALUES (new.id, new.name, new.subject, new.position, new.title, new.phone, new.name_py);
END;
INSERT INTO teacher_fts(teacher_fts) VALUES ('rebuild');

-- Statistics, so that the planner prefers the partial indexes to the deleted_at index.
ANALYZE;

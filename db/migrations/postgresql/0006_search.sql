-- Schema 6 on PostgreSQL: the pinyin keys and the indexes of SQLite's 0006, without FTS5.
-- Table search on PostgreSQL uses ILIKE/LIKE (core.tablequery.fts_available is False here).

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

ANALYZE;

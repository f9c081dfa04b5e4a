-- Schema 3: 指导记录 carry the apprentice's 收获/反思; frequency rules say what they
-- count (活动, 听课记录 or 指导记录) and may pick people by honour; one calendar
-- override per 学年 and 学期.
--
-- Only ADD COLUMN and CREATE INDEX: no table is rebuilt, so no child row can be
-- lost to a cascading DROP.

ALTER TABLE "guidance" ADD COLUMN "reflection" TEXT NOT NULL DEFAULT '';
CREATE INDEX "guidance_date" ON "guidance" ("date");

ALTER TABLE "frequency_rule" ADD COLUMN "record_kind" VARCHAR(255) NOT NULL DEFAULT '活动';
ALTER TABLE "frequency_rule" ADD COLUMN "honour" VARCHAR(255) NOT NULL DEFAULT '';

-- Earlier versions could store two overrides of the same semester; keep the newest.
DELETE FROM "school_term" WHERE "id" NOT IN (
    SELECT max("id") FROM "school_term" GROUP BY "school_year", "semester");
CREATE UNIQUE INDEX "school_term_school_year_semester" ON "school_term" ("school_year", "semester");

-- (PostgreSQL) Schema 2: teachers record whether they are 校领导及后备力量, a teacher's
-- unit may be deleted without blocking, and units name their 教育集团.
--
-- PostgreSQL changes a column and a foreign key in place: no table is rebuilt.

ALTER TABLE "unit" ADD COLUMN "group_name" TEXT NOT NULL DEFAULT '';

ALTER TABLE "teacher" ADD COLUMN "is_leader" BOOLEAN NOT NULL DEFAULT false;
UPDATE "teacher" SET "is_leader" = ("position" LIKE '%校长%' OR "position" LIKE '%书记%');

ALTER TABLE "teacher" DROP CONSTRAINT "teacher_unit_id_fkey";
ALTER TABLE "teacher" ADD CONSTRAINT "teacher_unit_id_fkey"
    FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE SET NULL;

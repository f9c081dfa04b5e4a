-- Schema 2: teachers record whether they are 校领导及后备力量 (rotation quotas count
-- them apart), a teacher's unit may be deleted without blocking, and units name
-- their 教育集团.
--
-- SQLite cannot change a foreign key in place, so the teacher table is rebuilt.
-- The runner switches foreign_keys off around the transaction: with them on, the
-- DROP below would cascade into honours, pairings, rotations and participants.

ALTER TABLE "unit" ADD COLUMN "group_name" VARCHAR(255) NOT NULL DEFAULT '';

CREATE TABLE "teacher_new" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "name" VARCHAR(255) NOT NULL,
    "gender" VARCHAR(255) NOT NULL,
    "unit_id" INTEGER,
    "subject" VARCHAR(255) NOT NULL,
    "position" VARCHAR(255) NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "phone" VARCHAR(255) NOT NULL,
    "is_dual_qualified" INTEGER NOT NULL,
    "is_party_member" INTEGER NOT NULL,
    "is_leader" INTEGER NOT NULL DEFAULT 0,
    "is_helper" INTEGER NOT NULL,
    "helper_from_id" INTEGER,
    "helper_start" DATE,
    "helper_end" DATE,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("helper_from_id") REFERENCES "unit" ("id") ON DELETE SET NULL);

INSERT INTO "teacher_new" (
    "id", "created_at", "updated_at", "deleted_at", "name", "gender", "unit_id",
    "subject", "position", "title", "phone", "is_dual_qualified", "is_party_member",
    "is_leader", "is_helper", "helper_from_id", "helper_start", "helper_end", "notes")
SELECT
    "id", "created_at", "updated_at", "deleted_at", "name", "gender", "unit_id",
    "subject", "position", "title", "phone", "is_dual_qualified", "is_party_member",
    CASE WHEN "position" LIKE '%校长%' OR "position" LIKE '%书记%' THEN 1 ELSE 0 END,
    "is_helper", "helper_from_id", "helper_start", "helper_end", "notes"
FROM "teacher";

DROP TABLE "teacher";
ALTER TABLE "teacher_new" RENAME TO "teacher";

CREATE INDEX "teacher_deleted_at" ON "teacher" ("deleted_at");
CREATE INDEX "teacher_unit_id" ON "teacher" ("unit_id");
CREATE INDEX "teacher_helper_from_id" ON "teacher" ("helper_from_id");

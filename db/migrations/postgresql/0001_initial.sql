-- (PostgreSQL) Schema 1: the first release's tables.
--
-- The same tables and columns as ../0001_initial.sql, in PostgreSQL's types:
-- SERIAL keys, TIMESTAMP, BOOLEAN for peewee's BooleanField, TEXT where SQLite
-- has VARCHAR(255) (SQLite never enforced the length; PostgreSQL would).

CREATE TABLE "setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT);

CREATE TABLE "unit" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_title" TEXT NOT NULL,
    "office_phone" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "is_self" BOOLEAN NOT NULL,
    "notes" TEXT NOT NULL);
CREATE INDEX "unit_deleted_at" ON "unit" ("deleted_at");

CREATE TABLE "plan" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "title" TEXT NOT NULL,
    "doc_number" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issued_on" DATE,
    "period_start" INTEGER,
    "period_end" INTEGER,
    "unit_id" INTEGER,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE SET NULL);
CREATE INDEX "plan_deleted_at" ON "plan" ("deleted_at");
CREATE INDEX "plan_unit_id" ON "plan" ("unit_id");

CREATE TABLE "task_category" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "plan_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);
CREATE INDEX "task_category_deleted_at" ON "task_category" ("deleted_at");
CREATE INDEX "task_category_plan_id" ON "task_category" ("plan_id");

CREATE TABLE "task" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "plan_id" INTEGER NOT NULL,
    "category_id" INTEGER,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "stage_goal" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "deadline_text" TEXT NOT NULL,
    "due_date" DATE,
    "start_year" INTEGER,
    "ongoing" BOOLEAN NOT NULL,
    "responsible" TEXT NOT NULL,
    "cooperating" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" TEXT NOT NULL,
    "completed_on" DATE,
    "evidence" TEXT NOT NULL,
    FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("category_id") REFERENCES "task_category" ("id") ON DELETE SET NULL);
CREATE INDEX "task_deleted_at" ON "task" ("deleted_at");
CREATE INDEX "task_plan_id" ON "task" ("plan_id");
CREATE INDEX "task_category_id" ON "task" ("category_id");

CREATE TABLE "target" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "plan_id" INTEGER NOT NULL,
    "stage_year" INTEGER,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "target_value" DOUBLE PRECISION,
    "unit_label" TEXT NOT NULL,
    "actual_value" DOUBLE PRECISION,
    "actual_date" DATE,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);
CREATE INDEX "target_deleted_at" ON "target" ("deleted_at");
CREATE INDEX "target_plan_id" ON "target" ("plan_id");

CREATE TABLE "teacher" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "unit_id" INTEGER,
    "subject" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "is_dual_qualified" BOOLEAN NOT NULL,
    "is_party_member" BOOLEAN NOT NULL,
    "is_helper" BOOLEAN NOT NULL,
    "helper_from_id" INTEGER,
    "helper_start" DATE,
    "helper_end" DATE,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("unit_id") REFERENCES "unit" ("id"),
    FOREIGN KEY ("helper_from_id") REFERENCES "unit" ("id") ON DELETE SET NULL);
CREATE INDEX "teacher_deleted_at" ON "teacher" ("deleted_at");
CREATE INDEX "teacher_unit_id" ON "teacher" ("unit_id");
CREATE INDEX "teacher_helper_from_id" ON "teacher" ("helper_from_id");

CREATE TABLE "honour" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "teacher_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE);
CREATE INDEX "honour_deleted_at" ON "honour" ("deleted_at");
CREATE INDEX "honour_teacher_id" ON "honour" ("teacher_id");

CREATE TABLE "pairing" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "mentor_id" INTEGER NOT NULL,
    "apprentice_id" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "goals" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "evaluation" TEXT NOT NULL,
    FOREIGN KEY ("mentor_id") REFERENCES "teacher" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("apprentice_id") REFERENCES "teacher" ("id") ON DELETE CASCADE);
CREATE INDEX "pairing_deleted_at" ON "pairing" ("deleted_at");
CREATE INDEX "pairing_mentor_id" ON "pairing" ("mentor_id");
CREATE INDEX "pairing_apprentice_id" ON "pairing" ("apprentice_id");

CREATE TABLE "guidance" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "pairing_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    FOREIGN KEY ("pairing_id") REFERENCES "pairing" ("id") ON DELETE CASCADE);
CREATE INDEX "guidance_deleted_at" ON "guidance" ("deleted_at");
CREATE INDEX "guidance_pairing_id" ON "guidance" ("pairing_id");

CREATE TABLE "rotation" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "teacher_id" INTEGER NOT NULL,
    "host_unit_id" INTEGER,
    "kind" TEXT NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "is_leader" BOOLEAN NOT NULL,
    "report" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("host_unit_id") REFERENCES "unit" ("id") ON DELETE SET NULL);
CREATE INDEX "rotation_deleted_at" ON "rotation" ("deleted_at");
CREATE INDEX "rotation_teacher_id" ON "rotation" ("teacher_id");
CREATE INDEX "rotation_host_unit_id" ON "rotation" ("host_unit_id");

CREATE TABLE "activity" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL,
    "organiser" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "others_count" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reflection" TEXT NOT NULL,
    "plan_id" INTEGER,
    FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE SET NULL);
CREATE INDEX "activity_deleted_at" ON "activity" ("deleted_at");
CREATE INDEX "activity_type" ON "activity" ("type");
CREATE INDEX "activity_date" ON "activity" ("date");
CREATE INDEX "activity_plan_id" ON "activity" ("plan_id");

CREATE TABLE "activity_participant" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "activity_id" INTEGER NOT NULL,
    "teacher_id" INTEGER NOT NULL,
    FOREIGN KEY ("activity_id") REFERENCES "activity" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE);
CREATE INDEX "activity_participant_activity_id" ON "activity_participant" ("activity_id");
CREATE INDEX "activity_participant_teacher_id" ON "activity_participant" ("teacher_id");

CREATE TABLE "activity_task" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "activity_id" INTEGER NOT NULL,
    "task_id" INTEGER NOT NULL,
    FOREIGN KEY ("activity_id") REFERENCES "activity" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE);
CREATE INDEX "activity_task_activity_id" ON "activity_task" ("activity_id");
CREATE INDEX "activity_task_task_id" ON "activity_task" ("task_id");

CREATE TABLE "observation" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "date" DATE NOT NULL,
    "period" TEXT NOT NULL,
    "teacher_id" INTEGER,
    "subject" TEXT NOT NULL,
    "grade_class" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "lesson_type" TEXT NOT NULL,
    "observers_text" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "evaluation" TEXT NOT NULL,
    "activity_id" INTEGER,
    FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE SET NULL,
    FOREIGN KEY ("activity_id") REFERENCES "activity" ("id") ON DELETE SET NULL);
CREATE INDEX "observation_deleted_at" ON "observation" ("deleted_at");
CREATE INDEX "observation_date" ON "observation" ("date");
CREATE INDEX "observation_teacher_id" ON "observation" ("teacher_id");
CREATE INDEX "observation_activity_id" ON "observation" ("activity_id");

CREATE TABLE "observation_observer" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "observation_id" INTEGER NOT NULL,
    "teacher_id" INTEGER NOT NULL,
    FOREIGN KEY ("observation_id") REFERENCES "observation" ("id") ON DELETE CASCADE,
    FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id") ON DELETE CASCADE);
CREATE INDEX "observation_observer_observation_id" ON "observation_observer" ("observation_id");
CREATE INDEX "observation_observer_teacher_id" ON "observation_observer" ("teacher_id");

CREATE TABLE "frequency_rule" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "plan_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "activity_types" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "minimum" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "source_text" TEXT NOT NULL,
    FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);
CREATE INDEX "frequency_rule_deleted_at" ON "frequency_rule" ("deleted_at");
CREATE INDEX "frequency_rule_plan_id" ON "frequency_rule" ("plan_id");

CREATE TABLE "attachment" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "owner_table" TEXT NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "caption" TEXT NOT NULL);
CREATE INDEX "attachment_deleted_at" ON "attachment" ("deleted_at");
CREATE INDEX "attachment_owner_table" ON "attachment" ("owner_table");
CREATE INDEX "attachment_owner_id" ON "attachment" ("owner_id");
CREATE INDEX "attachment_sha256" ON "attachment" ("sha256");

CREATE TABLE "school_term" (
    "id" SERIAL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "school_year" INTEGER NOT NULL,
    "semester" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL);

CREATE TABLE "audit_log" (
    "id" SERIAL PRIMARY KEY,
    "at" TIMESTAMP NOT NULL,
    "user" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "record_id" INTEGER,
    "action" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" TEXT NOT NULL);
CREATE INDEX "auditlog_at" ON "audit_log" ("at");

-- Schema 5: stable record IDs and the exchange with the bureau.
--
-- Every record gets a UUID (random, version 4 layout) that travels with it in data
-- packages, backups and restores; the same record arriving twice is found by it.
-- Records received from another unit carry that unit's UUID in "origin" ('' for the
-- database's own records), so senders never mix.
--
-- Only ALTER TABLE ADD COLUMN, UPDATE and CREATE INDEX: no table is rebuilt, so no
-- DROP can cascade into child rows. The UUID expression is SQLite's; another dialect
-- writes its own (gen_random_uuid() in PostgreSQL).

ALTER TABLE "unit" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "unit" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "unit_uuid" ON "unit" ("uuid");
ALTER TABLE "plan" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "plan" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "plan_uuid" ON "plan" ("uuid");
ALTER TABLE "task_category" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "task_category" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "task_category_uuid" ON "task_category" ("uuid");
ALTER TABLE "task" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "task" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "task_uuid" ON "task" ("uuid");
ALTER TABLE "target" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "target" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "target_uuid" ON "target" ("uuid");
ALTER TABLE "teacher" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "teacher" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "teacher_uuid" ON "teacher" ("uuid");
ALTER TABLE "honour" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "honour" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "honour_uuid" ON "honour" ("uuid");
ALTER TABLE "pairing" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "pairing" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "pairing_uuid" ON "pairing" ("uuid");
ALTER TABLE "guidance" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "guidance" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "guidance_uuid" ON "guidance" ("uuid");
ALTER TABLE "rotation" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "rotation" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "rotation_uuid" ON "rotation" ("uuid");
ALTER TABLE "activity" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "activity" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "activity_uuid" ON "activity" ("uuid");
ALTER TABLE "activity_participant" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "activity_participant" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "activity_participant_uuid" ON "activity_participant" ("uuid");
ALTER TABLE "activity_task" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "activity_task" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "activity_task_uuid" ON "activity_task" ("uuid");
ALTER TABLE "observation" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "observation" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "observation_uuid" ON "observation" ("uuid");
ALTER TABLE "observation_observer" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "observation_observer" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "observation_observer_uuid" ON "observation_observer" ("uuid");
ALTER TABLE "frequency_rule" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "frequency_rule" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "frequency_rule_uuid" ON "frequency_rule" ("uuid");
ALTER TABLE "attachment" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "attachment" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "attachment_uuid" ON "attachment" ("uuid");
ALTER TABLE "school_term" ADD COLUMN "uuid" VARCHAR(36) NOT NULL DEFAULT '';
UPDATE "school_term" SET "uuid" = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX "school_term_uuid" ON "school_term" ("uuid");
ALTER TABLE "unit" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "unit_origin" ON "unit" ("origin");
ALTER TABLE "plan" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "plan_origin" ON "plan" ("origin");
ALTER TABLE "task_category" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "task_category_origin" ON "task_category" ("origin");
ALTER TABLE "task" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "task_origin" ON "task" ("origin");
ALTER TABLE "target" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "target_origin" ON "target" ("origin");
ALTER TABLE "teacher" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "teacher_origin" ON "teacher" ("origin");
ALTER TABLE "honour" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "honour_origin" ON "honour" ("origin");
ALTER TABLE "pairing" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "pairing_origin" ON "pairing" ("origin");
ALTER TABLE "guidance" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "guidance_origin" ON "guidance" ("origin");
ALTER TABLE "rotation" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "rotation_origin" ON "rotation" ("origin");
ALTER TABLE "activity" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "activity_origin" ON "activity" ("origin");
ALTER TABLE "observation" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "observation_origin" ON "observation" ("origin");
ALTER TABLE "frequency_rule" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "frequency_rule_origin" ON "frequency_rule" ("origin");
ALTER TABLE "attachment" ADD COLUMN "origin" VARCHAR(36) NOT NULL DEFAULT '';
CREATE INDEX "attachment_origin" ON "attachment" ("origin");

-- 报送批次: a round the bureau defines (origin '') or received in a notice (origin = bureau).
CREATE TABLE "exchange_round" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "uuid" VARCHAR(36) NOT NULL,
    "origin" VARCHAR(36) NOT NULL DEFAULT '',
    "name" VARCHAR(255) NOT NULL,
    "period_label" VARCHAR(255) NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "due_date" DATE NOT NULL,
    "asks" TEXT NOT NULL,
    "issuer_uuid" VARCHAR(36) NOT NULL,
    "issuer_name" VARCHAR(255) NOT NULL,
    "notes" TEXT NOT NULL);
CREATE UNIQUE INDEX "exchange_round_uuid" ON "exchange_round" ("uuid");

-- Every package written here (direction 'out') or taken in (direction 'in').
CREATE TABLE "exchange_package" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "uuid" VARCHAR(36) NOT NULL,
    "direction" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(255) NOT NULL,
    "sender_uuid" VARCHAR(36) NOT NULL,
    "sender_name" VARCHAR(255) NOT NULL,
    "round_uuid" VARCHAR(36) NOT NULL,
    "period_label" VARCHAR(255) NOT NULL,
    "made_at" DATETIME NOT NULL,
    "status" VARCHAR(255) NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewed_at" DATETIME,
    "counts" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "file_name" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX "exchange_package_uuid" ON "exchange_package" ("uuid");
CREATE INDEX "exchange_package_sender_uuid" ON "exchange_package" ("sender_uuid");

-- What each received record looked like at the last exchange (for conflicts).
CREATE TABLE "exchange_base" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "table_name" VARCHAR(255) NOT NULL,
    "record_uuid" VARCHAR(36) NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL);
CREATE UNIQUE INDEX "exchange_base_table_name_record_uuid" ON "exchange_base" ("table_name", "record_uuid");

-- E-mails waiting to be sent (and those sent, with the server's acceptance time).
CREATE TABLE "exchange_outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,
    "uuid" VARCHAR(36) NOT NULL,
    "message_id" VARCHAR(255) NOT NULL,
    "recipient" VARCHAR(255) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "eml_path" TEXT NOT NULL,
    "package_uuid" VARCHAR(36) NOT NULL,
    "status" VARCHAR(255) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,
    "sent_at" DATETIME);
CREATE UNIQUE INDEX "exchange_outbox_uuid" ON "exchange_outbox" ("uuid");
CREATE UNIQUE INDEX "exchange_outbox_message_id" ON "exchange_outbox" ("message_id");

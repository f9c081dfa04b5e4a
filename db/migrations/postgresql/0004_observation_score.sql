-- (PostgreSQL) Schema 4: a lesson observation may carry a score: a 等级 (优/良/中/差) and/or points
-- per criterion. The criteria are configured per unit in 设置; each record keeps its own
-- copy as JSON ([{"name": "教学目标", "max": 10, "score": 8}, ...]) so that a later
-- change of the criteria never rewrites a record already printed.

ALTER TABLE "observation" ADD COLUMN "grade" TEXT NOT NULL DEFAULT '';
ALTER TABLE "observation" ADD COLUMN "scores" TEXT NOT NULL DEFAULT '[]';

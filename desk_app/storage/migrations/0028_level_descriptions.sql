-- Schema 28: what each impact and urgency level means (R11, R12), in both languages, shown
-- beside the choice in the log form and the incident view and edited by the process owner.
-- The version column lets two owners' edits meet as a conflict, never an overwrite.
-- The two small tables are made again with the new columns (no other table refers to them),
-- so that their definition is the one the models describe.
CREATE TABLE "impact_level_new" ("value" INTEGER NOT NULL PRIMARY KEY CHECK (value BETWEEN 1 AND 4), "name_en" VARCHAR(255) NOT NULL, "name_zh" VARCHAR(255) NOT NULL, "description_en" TEXT NOT NULL, "description_zh" TEXT NOT NULL, "version" INTEGER NOT NULL);
INSERT INTO "impact_level_new" ("value", "name_en", "name_zh", "description_en", "description_zh", "version")
    SELECT "value", "name_en", "name_zh", '', '', 1 FROM "impact_level";
DROP TABLE "impact_level";
ALTER TABLE "impact_level_new" RENAME TO "impact_level";
CREATE TABLE "urgency_level_new" ("value" INTEGER NOT NULL PRIMARY KEY CHECK (value BETWEEN 1 AND 4), "name_en" VARCHAR(255) NOT NULL, "name_zh" VARCHAR(255) NOT NULL, "description_en" TEXT NOT NULL, "description_zh" TEXT NOT NULL, "version" INTEGER NOT NULL);
INSERT INTO "urgency_level_new" ("value", "name_en", "name_zh", "description_en", "description_zh", "version")
    SELECT "value", "name_en", "name_zh", '', '', 1 FROM "urgency_level";
DROP TABLE "urgency_level";
ALTER TABLE "urgency_level_new" RENAME TO "urgency_level";
UPDATE "impact_level" SET
    "description_en" = 'The whole organisation or a site, or a service many people depend on, cannot work.',
    "description_zh" = '整个组织或一个办公地点，或许多人依赖的服务无法工作。'
    WHERE "value" = 1;
UPDATE "impact_level" SET
    "description_en" = 'A department or a group of people, or a business-critical function, is affected.',
    "description_zh" = '一个部门或一组人员，或关键业务功能受到影响。'
    WHERE "value" = 2;
UPDATE "impact_level" SET
    "description_en" = 'A few people, or one person who cannot do an important part of their work.',
    "description_zh" = '少数几个人，或一个人无法完成其重要工作。'
    WHERE "value" = 3;
UPDATE "impact_level" SET
    "description_en" = 'One person, with a workaround or only a small inconvenience.',
    "description_zh" = '一个人受影响，有变通办法或只是小小不便。'
    WHERE "value" = 4;
UPDATE "urgency_level" SET
    "description_en" = 'Work has stopped and the loss grows by the minute: needed at once.',
    "description_zh" = '工作已停止，损失每分钟都在扩大：需要立即处理。'
    WHERE "value" = 1;
UPDATE "urgency_level" SET
    "description_en" = 'Work is badly hampered: needed within hours. The default for a VIP caller.',
    "description_zh" = '工作严重受阻：需要在几小时内处理。VIP 来电人的默认值。'
    WHERE "value" = 2;
UPDATE "urgency_level" SET
    "description_en" = 'Work goes on with difficulty: needed within a day. The usual default.',
    "description_zh" = '工作可以继续但有困难：需要在一天内处理。通常的默认值。'
    WHERE "value" = 3;
UPDATE "urgency_level" SET
    "description_en" = 'It can wait: nothing urgent depends on it.',
    "description_zh" = '可以等待：没有紧急的事情依赖于此。'
    WHERE "value" = 4;

-- Schema 26: knowledge articles (with their revisions and the incidents each resolved),
-- incident templates, and attachments kept in chunks of their own table.
--
-- knowledge_search is the articles' full-text index, cut into words the way incident_search
-- is (desk_app.storage.segment: Chinese as bigrams), kept by triggers in the transaction
-- that changes the article.
CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "incident_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "media_type" VARCHAR(255) NOT NULL, "size" INTEGER NOT NULL CHECK (size >= 0), "sha256" VARCHAR(255) NOT NULL, "thumbnail" BLOB, "created_by_id" INTEGER, "created_at" INTEGER NOT NULL, FOREIGN KEY ("incident_id") REFERENCES "incident" ("id") ON DELETE CASCADE, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id"));
CREATE TABLE "attachment_chunk" ("id" INTEGER NOT NULL PRIMARY KEY, "attachment_id" INTEGER NOT NULL, "seq" INTEGER NOT NULL, "data" BLOB NOT NULL, FOREIGN KEY ("attachment_id") REFERENCES "attachment" ("id") ON DELETE CASCADE);
CREATE TABLE "incident_template" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "language" VARCHAR(255) NOT NULL CHECK (language IN ('en', 'zh')), "category_id" INTEGER NOT NULL, "impact" INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 4), "title" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "active" INTEGER NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id"));
CREATE TABLE "knowledge_article" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "state" VARCHAR(255) NOT NULL CHECK (state IN ('draft', 'published', 'retired')), "language" VARCHAR(255) NOT NULL CHECK (language IN ('en', 'zh')), "category_id" INTEGER, "symptom" TEXT NOT NULL, "cause" TEXT NOT NULL, "resolution" TEXT NOT NULL, "source_incident_id" INTEGER, "created_by_id" INTEGER, "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "published_at" INTEGER, "published_by_id" INTEGER, FOREIGN KEY ("category_id") REFERENCES "category" ("id"), FOREIGN KEY ("source_incident_id") REFERENCES "incident" ("id") ON DELETE SET NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("published_by_id") REFERENCES "user" ("id"));
CREATE TABLE "knowledge_revision" ("id" INTEGER NOT NULL PRIMARY KEY, "article_id" INTEGER NOT NULL, "revision" INTEGER NOT NULL, "action" VARCHAR(255) NOT NULL CHECK (action IN ('draft', 'create', 'edit', 'publish', 'retire', 'restore')), "actor_id" INTEGER, "at" INTEGER NOT NULL, "state" VARCHAR(255) NOT NULL, "language" VARCHAR(255) NOT NULL, "category_id" INTEGER, "symptom" TEXT NOT NULL, "cause" TEXT NOT NULL, "resolution" TEXT NOT NULL, FOREIGN KEY ("article_id") REFERENCES "knowledge_article" ("id") ON DELETE CASCADE, FOREIGN KEY ("actor_id") REFERENCES "user" ("id"), FOREIGN KEY ("category_id") REFERENCES "category" ("id"));
CREATE TABLE "knowledge_use" ("id" INTEGER NOT NULL PRIMARY KEY, "incident_id" INTEGER NOT NULL, "article_id" INTEGER, "source_incident_id" INTEGER, "at" INTEGER NOT NULL, "actor_id" INTEGER, FOREIGN KEY ("incident_id") REFERENCES "incident" ("id") ON DELETE CASCADE, FOREIGN KEY ("article_id") REFERENCES "knowledge_article" ("id") ON DELETE SET NULL, FOREIGN KEY ("source_incident_id") REFERENCES "incident" ("id") ON DELETE SET NULL, FOREIGN KEY ("actor_id") REFERENCES "user" ("id"));
CREATE INDEX "attachment_incident_id_id" ON "attachment" ("incident_id", "id");
CREATE UNIQUE INDEX "attachment_chunk_attachment_id_seq" ON "attachment_chunk" ("attachment_id", "seq");
CREATE INDEX "incident_template_category_id" ON "incident_template" ("category_id");
CREATE UNIQUE INDEX "knowledge_article_number" ON "knowledge_article" ("number");
CREATE INDEX "knowledge_article_category_id" ON "knowledge_article" ("category_id");
CREATE UNIQUE INDEX "knowledge_article_source_incident_id" ON "knowledge_article" ("source_incident_id");
CREATE INDEX "knowledge_article_state_updated_at" ON "knowledge_article" ("state", "updated_at");
CREATE UNIQUE INDEX "knowledge_revision_article_id_revision" ON "knowledge_revision" ("article_id", "revision");
CREATE UNIQUE INDEX "knowledge_use_incident_id" ON "knowledge_use" ("incident_id");
CREATE INDEX "knowledge_use_article_id" ON "knowledge_use" ("article_id");
CREATE INDEX "knowledge_use_source_incident_id" ON "knowledge_use" ("source_incident_id");
CREATE VIRTUAL TABLE "knowledge_search" USING fts5(
    symptom, cause, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "knowledge_search_insert" AFTER INSERT ON "knowledge_article" BEGIN
    INSERT INTO "knowledge_search" (rowid, symptom, cause, resolution)
    VALUES (new.id, desk_search_text(new.symptom), desk_search_text(new.cause),
            desk_search_text(new.resolution));
END;
CREATE TRIGGER "knowledge_search_update" AFTER UPDATE OF symptom, cause, resolution
ON "knowledge_article" BEGIN
    UPDATE "knowledge_search"
    SET symptom = desk_search_text(new.symptom), cause = desk_search_text(new.cause),
        resolution = desk_search_text(new.resolution)
    WHERE rowid = new.id;
END;
CREATE TRIGGER "knowledge_search_delete" AFTER DELETE ON "knowledge_article" BEGIN
    DELETE FROM "knowledge_search" WHERE rowid = old.id;
END;
-- Resolutions marked as knowledge before this version become drafts, as later ones do when
-- they are resolved (desk_app.services.knowledge.articles.draft_from_incident).
INSERT INTO "knowledge_article" (version, number, state, language, category_id, symptom, cause,
    resolution, source_incident_id, created_by_id, created_at, updated_at)
SELECT 1, 'draft-' || i.id, 'draft',
       CASE WHEN (i.title || i.resolution) GLOB '*[一-鿿]*' THEN 'zh' ELSE 'en' END,
       i.category_id, trim(i.title || char(10) || i.description), '', i.resolution, i.id,
       i.resolved_by_id, COALESCE(i.resolved_at, i.updated_at), COALESCE(i.resolved_at, i.updated_at)
FROM "incident" i WHERE i.knowledge AND i.resolution <> '';
UPDATE "knowledge_article" SET number = printf('KB%07d', id) WHERE number LIKE 'draft-%';
INSERT INTO "knowledge_revision" (article_id, revision, action, actor_id, at, state, language,
    category_id, symptom, cause, resolution)
SELECT id, 1, 'draft', created_by_id, created_at, state, language, category_id, symptom, cause,
       resolution FROM "knowledge_article";

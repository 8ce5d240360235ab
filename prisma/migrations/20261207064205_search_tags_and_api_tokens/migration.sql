-- AlterTable
ALTER TABLE "Highlight" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_createdAt_idx" ON "ApiToken"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Highlight_tags_idx" ON "Highlight" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (lib/search). Hand-written: Prisma has no generated
-- columns. Each searchable text is indexed twice, stemmed in English (so
-- "negotiating" finds "negotiations") and unstemmed with the simple
-- configuration (so a word English drops as a stop word, or a name or word
-- in another language the stemmer mangles, is still found). Queries use
-- websearch_to_tsquery in both configurations, OR-ed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- array_to_string is only STABLE (it could call any type's output function);
-- for text[] it is immutable, which a generated column needs.
CREATE FUNCTION glossa_tags_text(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

ALTER TABLE "EssayRevision" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("dek", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, "text"), 'C') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("dek", '')), 'B') ||
  setweight(to_tsvector('simple'::regconfig, "text"), 'C')
) STORED;
CREATE INDEX "EssayRevision_searchVector_idx" ON "EssayRevision" USING GIN ("searchVector");

ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, "body") || to_tsvector('simple'::regconfig, "body")
) STORED;
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

ALTER TABLE "Highlight" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("note", '') || ' ' || glossa_tags_text("tags")), 'A') ||
  setweight(to_tsvector('english'::regconfig, "exact"), 'B') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("note", '') || ' ' || glossa_tags_text("tags")), 'A') ||
  setweight(to_tsvector('simple'::regconfig, "exact"), 'B')
) STORED;
CREATE INDEX "Highlight_searchVector_idx" ON "Highlight" USING GIN ("searchVector");

-- Handles and display names by similarity ("@dan" finds @daniel, @dana_k).
CREATE INDEX "User_handle_trgm_idx" ON "User" USING GIN ("handle" gin_trgm_ops);
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);

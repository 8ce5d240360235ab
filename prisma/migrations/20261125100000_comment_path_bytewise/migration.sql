-- Comment paths compare byte by byte whatever the database's locale, so a
-- subtree is one index range: [path || '.', path || '/') on ("rootId", path).
-- (Prisma's schema language has no column collation; this is hand-written.)
ALTER TABLE "Comment" ALTER COLUMN "path" SET DATA TYPE TEXT COLLATE "C";

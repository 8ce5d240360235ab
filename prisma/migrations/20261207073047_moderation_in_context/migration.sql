-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('OPEN', 'GRANTED', 'DENIED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'APPEAL_OUTCOME';

-- AlterTable
ALTER TABLE "Essay" ADD COLUMN     "publicHighlightsOpen" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Highlight" ADD COLUMN     "noteHiddenByReports" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "hiddenByReports" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ModerationSettings" ADD COLUMN     "autoSlowHeatThreshold" INTEGER,
ADD COLUMN     "autoSlowSeconds" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "cannedHideReasons" TEXT[] DEFAULT ARRAY['Personal attack', 'Spam or advertising', 'Off topic', 'Harassment or hate', 'Misinformation']::TEXT[],
ADD COLUMN     "cannedSanctionReasons" TEXT[] DEFAULT ARRAY['Repeated personal attacks after a warning', 'Spam', 'Harassment', 'Evading an earlier sanction']::TEXT[],
ADD COLUMN     "exactMatchWords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "trustRules" JSONB;

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "sanctionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModeratorNote" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModeratorNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassageControl" (
    "id" TEXT NOT NULL,
    "essayId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "slowModeSeconds" INTEGER NOT NULL DEFAULT 0,
    "preModerate" BOOLEAN NOT NULL DEFAULT false,
    "highlightsClosed" BOOLEAN NOT NULL DEFAULT false,
    "publicHighlightsOff" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PassageControl_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_userId_createdAt_idx" ON "Appeal"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ModeratorNote_subjectId_createdAt_idx" ON "ModeratorNote"("subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "PassageControl_essayId_idx" ON "PassageControl"("essayId");

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_sanctionId_fkey" FOREIGN KEY ("sanctionId") REFERENCES "Sanction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModeratorNote" ADD CONSTRAINT "ModeratorNote_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModeratorNote" ADD CONSTRAINT "ModeratorNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageControl" ADD CONSTRAINT "PassageControl_essayId_fkey" FOREIGN KEY ("essayId") REFERENCES "Essay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open appeal per sanction (a second is refused with 409; decided ones stay as history).
CREATE UNIQUE INDEX "Appeal_one_open_per_sanction" ON "Appeal"("sanctionId") WHERE status = 'OPEN';

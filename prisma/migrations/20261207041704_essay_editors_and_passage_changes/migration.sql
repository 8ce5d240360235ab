-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'EDITOR' BEFORE 'MODERATOR';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PASSAGE_CHANGED';

-- AlterTable
ALTER TABLE "Essay" ADD COLUMN     "unpublishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "EssayRevision" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "Highlight" ADD COLUMN     "passageDiff" JSONB;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "highlightId" TEXT,
ADD COLUMN     "passageDiff" JSONB;

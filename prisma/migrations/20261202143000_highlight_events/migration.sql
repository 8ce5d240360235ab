-- AlterTable
ALTER TABLE "DiscussionEvent" ADD COLUMN     "highlightId" TEXT;

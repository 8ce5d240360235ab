-- CreateEnum
CREATE TYPE "ThreadWatchMode" AS ENUM ('WATCH', 'MUTE');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'MENTION';

-- CreateTable
CREATE TABLE "ThreadSubscription" (
    "userId" TEXT NOT NULL,
    "rootId" INTEGER NOT NULL,
    "mode" "ThreadWatchMode" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadSubscription_pkey" PRIMARY KEY ("userId","rootId")
);

-- CreateIndex
CREATE INDEX "ThreadSubscription_rootId_mode_idx" ON "ThreadSubscription"("rootId", "mode");

-- AddForeignKey
ALTER TABLE "ThreadSubscription" ADD CONSTRAINT "ThreadSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadSubscription" ADD CONSTRAINT "ThreadSubscription_rootId_fkey" FOREIGN KEY ("rootId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

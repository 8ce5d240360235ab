-- CreateEnum
CREATE TYPE "NotificationMailState" AS ENUM ('PENDING', 'DIGEST', 'MAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "MailCadence" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "EmailConfirmationPurpose" AS ENUM ('VERIFY', 'CHANGE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "mailMentions" "MailCadence" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "mailModeration" "MailCadence" NOT NULL DEFAULT 'OFF',
ADD COLUMN     "mailReplies" "MailCadence" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "mailReports" "MailCadence" NOT NULL DEFAULT 'OFF',
ADD COLUMN     "mailWatched" "MailCadence" NOT NULL DEFAULT 'OFF';

-- AlterTable
ALTER TABLE "ModerationSettings" ADD COLUMN     "requireVerifiedEmail" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "mailState" "NotificationMailState" NOT NULL DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "userId" TEXT;

-- CreateTable
CREATE TABLE "EmailConfirmation" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "EmailConfirmationPurpose" NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailConfirmation_tokenHash_key" ON "EmailConfirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailConfirmation_userId_idx" ON "EmailConfirmation"("userId");

-- CreateIndex
CREATE INDEX "MailMessage_userId_idx" ON "MailMessage"("userId");

-- AddForeignKey
ALTER TABLE "EmailConfirmation" ADD CONSTRAINT "EmailConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Notices written before mail existed are not mailed now, years late.
UPDATE "Notification" SET "mailState" = 'SKIPPED';

-- Accounts made before addresses were confirmed keep commenting: they
-- joined under rules that asked for no link, and locking every existing
-- commenter out until they find one would punish the wrong people.
UPDATE "User" SET "emailVerified" = "createdAt" WHERE "emailVerified" IS NULL AND "deletedAt" IS NULL;

-- The mailer's two queues: what it has not decided yet, and each reader's
-- digest. Partial, so they hold only the few undecided rows, not every notice.
CREATE INDEX "Notification_mail_pending_idx" ON "Notification" (id) WHERE "mailState" = 'PENDING';
CREATE INDEX "Notification_mail_digest_idx" ON "Notification" ("userId") WHERE "mailState" = 'DIGEST';

-- The bell listens for changes a reader can see: a notice arriving or being
-- read. The mailer's decisions (mailState) are not such a change, so the
-- update trigger compares the transition tables and signals only readers
-- whose notices' readAt changed (a statement trigger cannot take a column
-- list when it has transition tables).
DROP TRIGGER "Notification_signal_update" ON "Notification";

CREATE FUNCTION "signal_notifications_read"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('glossa_notification', owner)
  FROM (SELECT DISTINCT c."userId" AS owner FROM changed c JOIN before b ON b.id = c.id WHERE b."readAt" IS DISTINCT FROM c."readAt") AS owners;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Notification_signal_update"
  AFTER UPDATE ON "Notification" REFERENCING OLD TABLE AS before NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "signal_notifications_read"();

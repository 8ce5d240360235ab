import "server-only";
import type { SanctionedReader } from "@/lib/auth/sanctioned-reader";
import { db } from "@/lib/db/client";
import { activeSanction } from "./active-sanction";

/** One appeal as its author sees it. */
export interface AppealView {
  id: string;
  message: string;
  status: "OPEN" | "GRANTED" | "DENIED";
  createdAt: string;
  decidedAt: string | null;
  /** What the moderator answered. */
  decisionNote: string | null;
}

/**
 * What a sanctioned reader is told about their sanction: what it is, why
 * (the moderator's reason), since and until when, and their appeals against
 * it. Not who issued it: the reader deals with "the moderators", so no
 * moderator becomes the target of a grudge.
 */
export interface SanctionNotice {
  kind: "BAN" | "SUSPENSION";
  reason: string;
  issuedAt: string;
  endsAt: string | null;
  appeals: AppealView[];
  /** Whether an appeal may be filed now (none is waiting for an answer). */
  canAppeal: boolean;
}

/** The notice of the sanction in force on a reader's account, or null when none is (it ended, or was lifted). */
export async function loadSanctionNotice(reader: SanctionedReader): Promise<SanctionNotice | null> {
  const sanction = await activeSanction(db, reader.userId, reader.standing);
  if (!sanction) return null;
  const appeals = await db.appeal.findMany({
    where: { sanctionId: sanction.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, message: true, status: true, createdAt: true, decidedAt: true, decisionNote: true },
  });
  return {
    kind: sanction.kind,
    reason: sanction.reason,
    issuedAt: sanction.createdAt.toISOString(),
    endsAt: sanction.endsAt?.toISOString() ?? null,
    appeals: appeals.map((appeal) => ({ ...appeal, createdAt: appeal.createdAt.toISOString(), decidedAt: appeal.decidedAt?.toISOString() ?? null })),
    canAppeal: !appeals.some((appeal) => appeal.status === "OPEN"),
  };
}

"use client";

import { useEffect } from "react";
import type { EssayModeration } from "@/lib/moderation/load-essay-moderation";
import { publishEssayModeration } from "./essay-moderation-store";

/** Hands a moderator's extras for this essay to the comments' and notes' moderation slots; draws nothing. */
export function EssayModerationBridge({ value }: { value: EssayModeration }) {
  useEffect(() => {
    publishEssayModeration(value);
    return () => publishEssayModeration(null);
  }, [value]);
  return null;
}

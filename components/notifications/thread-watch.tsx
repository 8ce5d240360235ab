"use client";

import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { setThreadWatch } from "@/lib/notifications/contracts.browser";
import { useThreadWatch } from "./use-thread-watch";

/** On a thread's first comment: whether the reader hears of every reply in it, of replies to them (the default), or of none. */
export function ThreadWatch({ rootId }: { rootId: number }) {
  const [mode, setMode] = useThreadWatch(rootId);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="thread-watch">
      <select
        aria-label="Notifications for this thread"
        value={mode ?? "default"}
        disabled={mode === null}
        onChange={async (event) => {
          const next = event.target.value as "watch" | "mute" | "default";
          const before = mode;
          setMode(next);
          setError(null);
          try {
            await callOperation(setThreadWatch, { params: { rootId }, body: { mode: next } });
          } catch (failure) {
            setMode(before ?? "default");
            setError(failure instanceof ApiError ? failure.message : "That did not work. Please try again.");
          }
        }}
      >
        <option value="default">Replies to me</option>
        <option value="watch">Watching: every reply</option>
        <option value="mute">Muted</option>
      </select>
      {error && (
        <span className="form-message form-message--error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

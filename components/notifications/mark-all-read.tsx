"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { markNotificationsRead } from "@/lib/notifications/contracts.browser";

export function MarkAllRead() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          try {
            await callOperation(markNotificationsRead, { body: { ids: "all" } });
            router.refresh();
          } catch (failure) {
            setError(failure instanceof ApiError ? failure.message : "That did not work. Please try again.");
          } finally {
            setPending(false);
          }
        }}
      >
        Mark all as read
      </button>
      {error && (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { markNotificationsRead } from "@/lib/notifications/contracts";

export function MarkAllRead() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await callOperation(markNotificationsRead, { body: { ids: "all" } }).catch(() => undefined);
        router.refresh();
        setPending(false);
      }}
    >
      Mark all as read
    </button>
  );
}

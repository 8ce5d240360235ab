"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api-client";

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
        await callApi("/api/notifications", { method: "POST", body: { ids: "all" } }).catch(() => undefined);
        router.refresh();
        setPending(false);
      }}
    >
      Mark all as read
    </button>
  );
}

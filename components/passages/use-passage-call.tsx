"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api-client";

/** Runs a staff action on passages, says how it went, and re-renders the page's server parts (which read the controls). */
export function usePassageCall() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await call();
      setMessage({ tone: "ok", text: done });
      router.refresh();
      return true;
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof ApiError ? error.message : "That did not work. Please try again." });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const status = message && (
    <p className={message.tone === "error" ? "form-error" : "form-success"} role={message.tone === "error" ? "alert" : "status"}>
      {message.text}
    </p>
  );
  return { run, busy, status };
}

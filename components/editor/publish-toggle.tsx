"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { setEssayPublished } from "@/lib/essays/contracts.browser";

/** Unpublish an essay (after a confirmation) or publish it again. */
export function PublishToggle({ essayId, title, published }: { essayId: string; title: string; published: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (published && !window.confirm(`Unpublish “${title}”? Readers will no longer find it; its highlights and discussions are kept.`)) return;
    setBusy(true);
    try {
      await callOperation(setEssayPublished, { params: { essayId }, body: { published: !published } });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Glossa could not be reached.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="link-button" disabled={busy} onClick={() => void toggle()}>
        {published ? "Unpublish" : "Publish again"}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}

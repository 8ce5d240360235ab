"use client";

import { useEffect } from "react";

export interface ToastMessage {
  id: number;
  text: string;
  tone?: "error";
  action?: { label: string; run: () => void };
}

/** A short message at the bottom of the screen, with an optional action such as Undo. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, toast.action ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`toast${toast.tone === "error" ? " toast--error" : ""}`}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

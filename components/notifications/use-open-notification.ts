"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { callOperation } from "@/components/api-client";
import { openNotification } from "@/lib/notifications/contracts.browser";
import { NOTIFICATIONS_CHANGED } from "./use-notification-summary";

/**
 * Opening a notification: the server marks it read, then the reader goes
 * where it points. A click with a modifier (new tab) is left to the browser
 * and marks nothing. If marking fails, the link still works.
 */
export function useOpenNotification(onOpened?: (id: number) => void): (event: React.MouseEvent<HTMLAnchorElement>, id: number) => void {
  const router = useRouter();
  return useCallback(
    (event, id) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const fallback = event.currentTarget.getAttribute("href");
      void callOperation(openNotification, { params: { notificationId: id } })
        .then(({ href }) => {
          onOpened?.(id);
          window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
          if (href) router.push(href);
          else router.refresh();
        })
        .catch(() => {
          if (fallback) router.push(fallback);
        });
    },
    [router, onOpened],
  );
}

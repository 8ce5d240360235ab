"use client";

const REGION_ID = "live-announcer";

/**
 * The page's one polite live region, made on first use (before anything is
 * said into it, so screen readers have seen it empty). Announcements from
 * other readers' activity go here: new highlights, comments, replies.
 */
function ensureLiveRegion(): HTMLElement {
  let region = document.getElementById(REGION_ID);
  if (!region) {
    region = document.createElement("div");
    region.id = REGION_ID;
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    region.setAttribute("aria-atomic", "true");
    region.setAttribute("role", "status");
    document.body.append(region);
  }
  return region;
}

let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

/** Says `text` politely; what arrives within a second is said together, so a burst of activity is one announcement, not a queue of them. */
export function announceLive(text: string): void {
  ensureLiveRegion();
  pending.push(text);
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    const region = ensureLiveRegion();
    region.textContent = [...new Set(pending)].join(" ");
    pending = [];
  }, 1_000);
}

import { headers } from "next/headers";
import { earlyPaintScript } from "@/lib/highlights/early-paint";
import type { FirstPaint } from "@/lib/highlights/first-paint";

/** The highlights' first paint as an inline script, run as the stream delivers it, long before hydration (see lib/highlights/early-paint.ts). */
export async function EarlyHighlightPaint({ first }: { first: Promise<FirstPaint> }) {
  const [scene, requestHeaders] = await Promise.all([first, headers()]);
  if (scene.own.length === 0 && scene.density.length === 0) return null;
  return <script nonce={requestHeaders.get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: earlyPaintScript(scene) }} />;
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="page page--narrow not-found">
      <p className="kicker">404</p>
      <h1>We could not find that page</h1>
      <p>The essay may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">Browse all essays</Link>
      </p>
    </div>
  );
}

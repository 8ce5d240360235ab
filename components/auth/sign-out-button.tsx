"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutHere } from "./session-client";

/** Signs this browser out and goes home. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOutHere().catch(() => undefined);
        router.push("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}

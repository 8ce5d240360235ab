import Link from "next/link";
import { signInHref } from "@/lib/auth/return-url";

/** Where a signed-out reader would highlight or comment: an invitation that brings them back here. */
export function SignInPrompt({ returnTo }: { returnTo: string }) {
  return (
    <p className="sign-in-prompt">
      <Link href={signInHref(returnTo)}>Sign in to highlight or comment</Link>
    </p>
  );
}

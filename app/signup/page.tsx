import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeReturnPath } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(returnTo);
  return (
    <section className="auth-page">
      <h1>Create an account</h1>
      <p className="auth-page__lede">Reading is open to everyone. An account lets you highlight, keep notes and argue well.</p>
      <SignUpForm callbackUrl={returnTo} />
    </section>
  );
}

import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <section className="auth-page">
      <h1>Forgot your password?</h1>
      <p className="auth-page__lede">Enter the address you signed up with, and we will mail you a link to choose a new one. Your highlights and notes stay as they are.</p>
      <ForgotPasswordForm />
    </section>
  );
}

"use client";

import { useState } from "react";
import { ApiError } from "@/components/api-client";

/** State for a settings form: pending, the form-level message and per-field errors. */
export function useFormSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function run(work: () => Promise<string | null>) {
    setPending(true);
    setError(null);
    setSuccess(null);
    setFieldErrors({});
    try {
      setSuccess(await work());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Please try again.");
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
    } finally {
      setPending(false);
    }
  }

  return { pending, error, success, fieldErrors, run };
}

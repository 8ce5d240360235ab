import type { InputHTMLAttributes } from "react";

/** A labelled form field with its hint and its errors, announced to screen readers. */
export function Field({ label, name, hint, errors, ...input }: { label: string; name: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <input id={name} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={described} {...input} />
      {errors?.length ? (
        <p id={`${name}-error`} className="field__error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message: what went wrong, or what worked. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error)
    return (
      <p className="form-message form-message--error" role="alert">
        {error}
      </p>
    );
  if (success)
    return (
      <p className="form-message form-message--success" role="status">
        {success}
      </p>
    );
  return null;
}

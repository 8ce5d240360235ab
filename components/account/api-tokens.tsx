"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { Field, FormMessage } from "@/components/auth/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/contracts.browser";
import { MAX_API_TOKEN_NAME_LENGTH, type ApiTokenView } from "@/lib/api-tokens/view";
import { useFormSubmit } from "./use-form-submit";

/** A secret just made: shown here once, never again (the server keeps only its hash). Focus moves to its Copy button, so a keyboard or screen-reader user lands on it. */
function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => copyButton.current?.focus(), [secret]);
  return (
    <div className="api-token-secret" role="group" aria-labelledby="api-token-secret-heading">
      <p id="api-token-secret-heading">
        <strong>Copy the token for “{name}” now.</strong> It will not be shown again; if you lose it, revoke it and create another.
      </p>
      <code className="api-token-secret__value" data-testid="api-token-secret">
        {secret}
      </code>
      <div className="api-token-secret__actions">
        <button
          ref={copyButton}
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard.writeText(secret).then(
              () => setCopied("Copied."),
              () => setCopied("Could not copy: select the token and copy it yourself."),
            )
          }
        >
          Copy token
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          Done
        </button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}

/**
 * Settings → API tokens: create a named token (its secret shown once, with
 * a copy button), see each live token's prefix, creation and last use, and
 * revoke one (its next request is refused). When the button pressed goes
 * away (Done, Revoke), focus moves to the next Revoke button or the name field.
 */
export function ApiTokens({ initial }: { initial: ApiTokenView[] }) {
  const [tokens, setTokens] = useState(initial);
  const [fresh, setFresh] = useState<{ id: string; name: string; secret: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const form = useFormSubmit();
  const formElement = useRef<HTMLFormElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // What to focus once the list has re-rendered: the Revoke button at this index (or the last one), -1 or no button left the name field; null leaves focus alone.
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    const buttons = list.current?.querySelectorAll("button") ?? [];
    const button = focusAfter.current < 0 ? undefined : buttons[Math.min(focusAfter.current, buttons.length - 1)];
    const target = button ?? formElement.current?.elements.namedItem("tokenName");
    focusAfter.current = null;
    if (target instanceof HTMLElement) target.focus();
  });

  async function revoke(token: ApiTokenView, index: number) {
    setRevoking(token.id);
    setRevokeError(null);
    try {
      await callOperation(revokeApiToken, { params: { tokenId: token.id } });
      setTokens((current) => current.filter((one) => one.id !== token.id));
      focusAfter.current = index;
      // A revoked secret is no use to copy.
      setFresh((shown) => (shown?.id === token.id ? null : shown));
    } catch (caught) {
      setRevokeError(caught instanceof ApiError ? caught.message : "That did not work. Please try again.");
    } finally {
      setRevoking(null);
    }
  }

  return (
    <div className="api-tokens">
      <form
        ref={formElement}
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const element = event.currentTarget;
          const name = String(new FormData(element).get("tokenName"));
          void form.run(async () => {
            const made = await callOperation(createApiToken, { body: { name } });
            setTokens((current) => [made.token, ...current]);
            setFresh({ id: made.token.id, name: made.token.name, secret: made.secret });
            element.reset();
            return null;
          });
        }}
      >
        <FormMessage error={form.error} success={form.success} />
        {/* Not "name": the display-name field on the same page has that id. */}
        <Field label="Token name" name="tokenName" hint="Where it will be used, e.g. “Zotero on my laptop”." maxLength={MAX_API_TOKEN_NAME_LENGTH} required errors={form.fieldErrors.name} />
        <button className="button" type="submit" disabled={form.pending}>
          Create token
        </button>
      </form>
      {fresh && (
        <NewSecret
          name={fresh.name}
          secret={fresh.secret}
          onDone={() => {
            setFresh(null);
            focusAfter.current = -1;
          }}
        />
      )}
      <FormMessage error={revokeError} />
      {tokens.length === 0 ? (
        <p className="api-tokens__empty">You have no API tokens.</p>
      ) : (
        <ul ref={list} className="api-tokens__list" aria-label="Your API tokens">
          {tokens.map((token, index) => (
            <li key={token.id} className="api-tokens__item">
              <div>
                <strong>{token.name}</strong> <code>{token.prefix}…</code>
                <p className="api-tokens__dates">
                  Created <RelativeTime iso={token.createdAt} />;{" "}
                  {token.lastUsedAt ? (
                    <>
                      last used <RelativeTime iso={token.lastUsedAt} />
                    </>
                  ) : (
                    "never used"
                  )}
                  .
                </p>
              </div>
              <button type="button" className="button button--small" disabled={revoking === token.id} onClick={() => void revoke(token, index)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";

import type { useMentionAutocomplete } from "./use-mention-autocomplete";

/** The listbox of @mention suggestions under a composer (use-mention-autocomplete.ts drives it). */
export function MentionSuggestions({ id, open, matches, active, optionId, choose }: ReturnType<typeof useMentionAutocomplete>["suggestions"]) {
  return (
    <ul id={id} role="listbox" aria-label="Mention a reader" className="mention-suggestions" hidden={!open}>
      {open &&
        matches.map((match, index) => (
          <li
            key={match.handle}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Keep focus (and the caret) in the textarea.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(match)}
          >
            <strong>@{match.handle}</strong> <span className="mention-suggestions__name">{match.name}</span>
          </li>
        ))}
    </ul>
  );
}

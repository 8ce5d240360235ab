"use client";

import { useEffect, useId, useRef, useState } from "react";
import { callOperation } from "@/components/api-client";
import type { HandleMatch } from "@/lib/users/search-handles";
import { searchHandles } from "@/lib/users/contracts.browser";

// "@" and the start of a handle right before the caret, where a mention may begin (as lib/notifications/mentions.ts reads them).
const TYPING_MENTION = /(?:^|[^\w@./-])@([a-zA-Z0-9_-]{1,30})$/;
/** Typing pauses this long before the server is asked. */
const DEBOUNCE_MS = 150;

/**
 * @handle autocomplete for a textarea. The textarea keeps its own role (axe
 * refuses role=combobox on a textarea, and ARIA allows it only on inputs):
 * aria-autocomplete, aria-controls and aria-activedescendant tell assistive
 * technology about the list and the active option. While the
 * word before the caret is "@" and the start of a handle, readers whose
 * handle starts with it are offered (the handle search: handle and name
 * only); ArrowUp/ArrowDown choose, Enter or Tab insert "@handle ", Escape
 * dismisses. `fieldProps` go on the textarea.
 */
export function useMentionAutocomplete(field: React.RefObject<HTMLTextAreaElement | null>, body: string, setBody: (body: string) => void) {
  const listId = useId();
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [matches, setMatches] = useState<HandleMatch[]>([]);
  const [active, setActive] = useState(0);
  const dismissed = useRef<number | null>(null);

  const readCaret = () => {
    const element = field.current;
    if (!element || element.selectionStart !== element.selectionEnd) return setQuery(null);
    const match = TYPING_MENTION.exec(element.value.slice(0, element.selectionStart));
    const start = match ? element.selectionStart - match[1]!.length - 1 : -1;
    setQuery(match && dismissed.current !== start ? { text: match[1]!, start } : null);
  };

  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      callOperation(searchHandles, { query: { q: query.text } }).then(
        ({ users }) => {
          if (!current) return;
          setMatches(users);
          setActive(0);
        },
        () => current && setMatches([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const open = query !== null && matches.length > 0;

  const choose = (match: HandleMatch) => {
    if (!query) return;
    const end = query.start + 1 + query.text.length;
    const inserted = `@${match.handle} `;
    setBody(`${body.slice(0, query.start)}${inserted}${body.slice(end)}`);
    setQuery(null);
    const caret = query.start + inserted.length;
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => (index + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(matches[active]!);
    } else if (event.key === "Escape") {
      // Only the suggestions close; the panel around the composer stays.
      event.preventDefault();
      event.stopPropagation();
      dismissed.current = query.start;
      setQuery(null);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return {
    fieldProps: {
      "aria-autocomplete": "list",
      "aria-controls": listId,
      "aria-activedescendant": open ? optionId(active) : undefined,
      onKeyDown,
      onSelect: readCaret,
      onBlur: () => setQuery(null),
    } as const,
    suggestions: { id: listId, open, matches, active, optionId, choose },
  };
}

"use client";

import { useState } from "react";
import type { EssaySource } from "@/lib/essays/editor-schemas";

/** How the editor gives the essay's words. */
export type SourceKind = "text" | "url" | "file" | "blocks";

/** An essay's text as blocks, for editing in the browser. */
export interface EditableEssay {
  title: string;
  dek: string | null;
  byline: string | null;
  attribution: string | null;
  blocks: { kind: "heading" | "paragraph"; text: string }[];
}

/**
 * The draft's source as the editor is giving it: pasted text, an address, an
 * uploaded file (read here, sent as text) or the essay's blocks edited in
 * place. `source` is what the server is sent, or null while it is empty.
 */
export function useDraftSource(initial: { kind: SourceKind; essay?: EditableEssay }, onChange: () => void) {
  const [kind, setKindState] = useState<SourceKind>(initial.kind);
  const [text, setTextState] = useState("");
  const [url, setUrlState] = useState("");
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [essay, setEssayState] = useState<EditableEssay | null>(initial.essay ?? null);
  // Every change makes the last check stale: what is published must be what was checked.
  const changed =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      onChange();
    };

  async function chooseFile(chosen: File | undefined) {
    setFile(chosen ? { name: chosen.name, content: await chosen.text() } : null);
    onChange();
  }
  const setKind = changed(setKindState);
  const setText = changed(setTextState);
  const setUrl = changed(setUrlState);
  const setEssay = changed(setEssayState);

  const source: EssaySource | null =
    kind === "text"
      ? text.trim()
        ? { kind, text }
        : null
      : kind === "url"
        ? url.trim()
          ? { kind, url: url.trim() }
          : null
        : kind === "file"
          ? file && { kind, name: file.name, content: file.content }
          : essay && { kind, ...essay };
  return { kind, setKind, text, setText, url, setUrl, file, chooseFile, essay, setEssay, source };
}

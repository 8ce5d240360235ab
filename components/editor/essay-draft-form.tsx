"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { WordDiff } from "@/components/essay/word-diff";
import { publishEssay, reviseEssay } from "@/lib/essays/contracts.browser";
import type { RevisionDryRun } from "@/lib/essays/dry-run-revision";
import type { ImportPreview } from "@/lib/essays/preview-essay-import";
import { BlockEditor } from "./block-editor";
import { useDraftCheck } from "./use-draft-check";
import { useDraftSource, type EditableEssay, type SourceKind } from "./use-draft-source";

const SOURCE_LABELS: Record<SourceKind, string> = { blocks: "Edit the text", text: "Paste text", url: "From an address", file: "Upload a file" };

interface Props {
  /** Null for a new essay; the essay being revised otherwise, with the number of the revision the draft starts from. */
  essay: { id: string; slug: string; current: EditableEssay; revision: number } | null;
}

const snippet = (text: string) => (text.length > 50 ? `${text.slice(0, 50).trimEnd()}…` : text);

/**
 * The editor's form for a new essay or a revision: give the words (paste,
 * address, file, or edit in place), check them (the importer's preview with
 * the lines it dropped, and for a revision what happens to every highlight
 * and thread), adjust, publish. Any change to the words clears the check:
 * only what was checked can be published.
 */
export function EssayDraftForm({ essay }: Props) {
  const router = useRouter();
  const ids = useId();
  const draft = useDraftCheck(essay?.id ?? null);
  const source = useDraftSource(essay ? { kind: "blocks", essay: essay.current } : { kind: "text" }, draft.reset);
  const [slug, setSlug] = useState("");
  const [note, setNote] = useState("");
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<{ message: string; slug: string | null } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const kinds: SourceKind[] = essay ? ["blocks", "text", "url", "file"] : ["text", "url", "file"];

  // When a check lands and the keyboard's focus went nowhere (the control it was on is gone), it goes to the result.
  useEffect(() => {
    if (draft.preview && (document.activeElement === document.body || document.activeElement === null)) resultHeading.current?.focus();
  }, [draft.preview]);

  async function publish() {
    if (!source.source || publishing) return;
    setPublishing(true);
    setPublishError(null);
    try {
      const body = { source: source.source, ...draft.choices };
      const target = essay
        ? (await callOperation(reviseEssay, { params: { essayId: essay.id }, body: { ...body, baseRevision: essay.revision, note: note || undefined } })).revision.slug
        : (await callOperation(publishEssay, { body: { ...body, slug: slug || undefined } })).essay.slug;
      router.push(`/essays/${target}`);
    } catch (caught) {
      setPublishError(
        caught instanceof ApiError
          ? { message: caught.message, slug: caught.fieldErrors.slug?.[0] ?? null }
          : { message: "Glossa could not be reached. Check your connection and try again.", slug: null },
      );
      setPublishing(false);
    }
  }

  const summary = draft.dryRun
    ? `Checked: ${draft.dryRun.report.highlights.changes} highlights on changed words, ${draft.dryRun.report.highlights.orphaned} become orphans.`
    : draft.preview
      ? `Preview ready: ${draft.preview.words.toLocaleString("en")} words, ${draft.preview.lines.filter((line) => line.use === "dropped").length} lines dropped.`
      : "";

  return (
    <div className="draft-form">
      <fieldset className="draft-form__source">
        <legend>Where the words come from</legend>
        <div className="segmented" role="radiogroup" aria-label="Source">
          {kinds.map((kind) => (
            <label key={kind} className="segmented__option">
              <input type="radio" name={`${ids}-kind`} checked={source.kind === kind} onChange={() => source.setKind(kind)} />
              {SOURCE_LABELS[kind]}
            </label>
          ))}
        </div>
        {source.kind === "text" && (
          <label className="field">
            The article as copied from its page (menus, dates and share buttons included: they are dropped for you), Markdown or HTML
            <textarea rows={12} value={source.text} onChange={(event) => source.setText(event.target.value)} />
          </label>
        )}
        {source.kind === "url" && (
          <label className="field">
            The page&apos;s address
            <input type="url" inputMode="url" placeholder="https://" value={source.url} onChange={(event) => source.setUrl(event.target.value)} />
          </label>
        )}
        {source.kind === "file" && (
          <label className="field">
            A saved page or text file (.html, .md or .txt, up to 2 MB)
            <input type="file" accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onChange={(event) => void source.chooseFile(event.target.files?.[0])} />
          </label>
        )}
        {source.kind === "blocks" && source.essay && <BlockEditor essay={source.essay} onChange={source.setEssay} />}
        <button type="button" className="button" aria-disabled={!source.source || draft.checking} onClick={() => source.source && void draft.check(source.source)}>
          {draft.checking ? "Checking…" : essay ? "Check what changes" : "Preview"}
        </button>
        {draft.error && (
          <p className="form-message form-message--error" role="alert">
            {draft.error}
          </p>
        )}
      </fieldset>

      <p className="visually-hidden" role="status">
        {summary}
      </p>

      {draft.dryRun && <DryRunReport dryRun={draft.dryRun} headingRef={resultHeading} />}
      {draft.preview && source.source && (
        <PreviewPanels
          preview={draft.preview}
          busy={draft.checking}
          headingRef={draft.dryRun ? null : resultHeading}
          onToggleLine={(line) => source.source && void draft.toggleLine(source.source, line)}
          onToggleBlock={(block) => source.source && void draft.toggleBlock(source.source, block)}
        />
      )}

      {draft.preview ? (
        <section className="draft-form__publish" aria-label="Publish">
          {essay ? (
            <label className="field">
              What changed, in a line (shown in the revision history)
              <input value={note} maxLength={300} onChange={(event) => setNote(event.target.value)} placeholder="Corrected the date in the second section" />
            </label>
          ) : (
            <label className="field">
              Address: /essays/
              <input
                value={slug}
                maxLength={120}
                onChange={(event) => setSlug(event.target.value.toLowerCase())}
                placeholder="from the title"
                aria-invalid={publishError?.slug ? true : undefined}
                aria-describedby={publishError ? `${ids}-publish-error` : undefined}
              />
            </label>
          )}
          <button
            type="button"
            className="button button--primary"
            aria-disabled={publishing || draft.checking || (draft.dryRun?.unchanged ?? false)}
            onClick={() => !draft.dryRun?.unchanged && void publish()}
          >
            {publishing ? "Publishing…" : essay ? "Publish this revision" : "Publish essay"}
          </button>
          {draft.dryRun?.unchanged && <p className="settings-hint">This is the published text: change something first.</p>}
          {publishError && (
            <p id={`${ids}-publish-error`} className="form-message form-message--error" role="alert">
              {publishError.message}
            </p>
          )}
        </section>
      ) : (
        source.source && <p className="settings-hint">{essay ? "Check what the revision changes before publishing it." : "Preview the essay before publishing it."}</p>
      )}
    </div>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  busy: boolean;
  headingRef: React.Ref<HTMLHeadingElement> | null;
  onToggleLine: (line: number) => void;
  onToggleBlock: (block: number) => void;
}

function PreviewPanels({ preview, busy, headingRef, onToggleLine, onToggleBlock }: PreviewProps) {
  const left = preview.lines.filter((line) => line.use === "dropped" || line.use === "kept");
  return (
    <div className="draft-preview" aria-busy={busy}>
      <section className="draft-preview__essay" aria-labelledby="preview-heading">
        <h2 id="preview-heading" ref={headingRef} tabIndex={-1}>
          As it will appear
        </h2>
        <p className="settings-hint">{preview.words.toLocaleString("en")} words. Untick a block to leave it out.</p>
        <article className="draft-preview__article">
          <h3 className="draft-preview__title">{preview.title}</h3>
          {preview.dek && <p className="draft-preview__dek">{preview.dek}</p>}
          {(preview.byline || preview.attribution) && <p className="draft-preview__meta">{[preview.byline && `By ${preview.byline}`, preview.attribution].filter(Boolean).join(" · ")}</p>}
          {preview.blocks.map((block, index) => (
            <div key={`${block.block ?? "line"}-${block.line ?? index}`} className={`draft-block draft-block--${block.kind}`}>
              <input
                type="checkbox"
                checked
                aria-label={block.block !== null ? `Keep “${snippet(block.text)}”` : `Keep the line “${snippet(block.text)}” you added back`}
                onChange={() => (block.block !== null ? onToggleBlock(block.block) : onToggleLine(block.line!))}
              />
              {block.kind === "heading" ? <h4>{block.text}</h4> : <p>{block.text}</p>}
            </div>
          ))}
        </article>
      </section>
      {(preview.format !== "blocks" || preview.droppedBlocks.length > 0) && (
        <section className="draft-preview__dropped" aria-labelledby="dropped-heading">
          {preview.format !== "blocks" && (
            <>
              <h2 id="dropped-heading">Dropped as site chrome ({left.filter((line) => line.use === "dropped").length})</h2>
              <p className="settings-hint">Lines of the page that are not part of the essay. Keep one to put it back where it was.</p>
              <ul className="dropped-lines">
                {left.map((line) => (
                  <li key={line.index} className={line.use === "kept" ? "dropped-line dropped-line--kept" : "dropped-line"}>
                    <span className="dropped-line__text">{line.text}</span>
                    <span className="dropped-line__reason">{line.use === "kept" ? "kept" : line.reason}</span>
                    <button type="button" className="link-button" aria-label={`${line.use === "kept" ? "Drop again" : "Keep"}: “${snippet(line.text)}”`} onClick={() => onToggleLine(line.index)}>
                      {line.use === "kept" ? "Drop again" : "Keep"}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.droppedBlocks.length > 0 && (
            <>
              <h3 id={preview.format === "blocks" ? "dropped-heading" : undefined}>Blocks you left out ({preview.droppedBlocks.length})</h3>
              <ul className="dropped-lines">
                {preview.droppedBlocks.map((block) => (
                  <li key={block.block} className="dropped-line">
                    <span className="dropped-line__text">{snippet(block.text)}</span>
                    <span className="dropped-line__reason">{block.kind}</span>
                    <button type="button" className="link-button" aria-label={`Put back “${snippet(block.text)}”`} onClick={() => onToggleBlock(block.block)}>
                      Put back
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}

const OUTCOMES = [
  { kind: "stays", label: "Stay in place" },
  { kind: "moves", label: "Move with their words" },
  { kind: "changes", label: "Are on changed words" },
  { kind: "orphaned", label: "Become orphans" },
] as const;

const PASSAGE_LABEL = { changes: "changes", orphaned: "orphaned" } as const;

function DryRunReport({ dryRun, headingRef }: { dryRun: RevisionDryRun; headingRef: React.Ref<HTMLHeadingElement> }) {
  const { report } = dryRun;
  const shown = report.passages.filter((passage) => passage.before !== null);
  return (
    <section className="dry-run" aria-labelledby="dry-run-heading">
      <h2 id="dry-run-heading" ref={headingRef} tabIndex={-1}>
        What this revision does to readers&apos; highlights
      </h2>
      <table className="dry-run__counts">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Highlights</th>
            <th scope="col">Threads</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((outcome) => (
            <tr key={outcome.kind} className={`dry-run__row dry-run__row--${outcome.kind}`}>
              <th scope="row">{outcome.label}</th>
              <td>{report.highlights[outcome.kind]}</td>
              <td>{report.threads[outcome.kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.passages.length > 0 && (
        <>
          <h3>Passages whose words change or go</h3>
          {report.privateAffected > 0 && (
            <p className="settings-hint">
              {report.privateAffected === 1 ? "One of them is a private highlight: counted, not shown." : `${report.privateAffected} of them are private highlights: counted, not shown.`}
            </p>
          )}
          <ol className="dry-run__passages">
            {shown.map((passage, index) => (
              <li key={passage.highlightId ?? index} className={`dry-run__passage dry-run__passage--${passage.kind}`}>
                <span className="dry-run__badge">{PASSAGE_LABEL[passage.kind]}</span>
                <blockquote>{passage.diff ? <WordDiff parts={passage.diff} /> : passage.before}</blockquote>
                {passage.threads > 0 && <span className="dry-run__threads">{passage.threads === 1 ? "1 thread" : `${passage.threads} threads`}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

"use client";

import type { EditableEssay } from "./use-draft-source";

/** The essay's title, standfirst, byline and blocks as fields, for a revision made in the browser. */
export function BlockEditor({ essay, onChange }: { essay: EditableEssay; onChange: (essay: EditableEssay) => void }) {
  const setBlock = (index: number, text: string) => onChange({ ...essay, blocks: essay.blocks.map((block, at) => (at === index ? { ...block, text } : block)) });
  const removeBlock = (index: number) => onChange({ ...essay, blocks: essay.blocks.filter((_block, at) => at !== index) });
  const addAfter = (index: number) => onChange({ ...essay, blocks: [...essay.blocks.slice(0, index + 1), { kind: "paragraph", text: "" }, ...essay.blocks.slice(index + 1)] });
  return (
    <div className="block-editor">
      <label className="field">
        Title
        <input value={essay.title} onChange={(event) => onChange({ ...essay, title: event.target.value })} />
      </label>
      <label className="field">
        Standfirst
        <input value={essay.dek ?? ""} onChange={(event) => onChange({ ...essay, dek: event.target.value || null })} />
      </label>
      <label className="field">
        Byline
        <input value={essay.byline ?? ""} onChange={(event) => onChange({ ...essay, byline: event.target.value || null })} />
      </label>
      <ol className="block-editor__blocks">
        {essay.blocks.map((block, index) => (
          <li key={index} className={`block-editor__block block-editor__block--${block.kind}`}>
            <label className="field">
              {block.kind === "heading" ? `Section heading ${index + 1}` : `Paragraph ${index + 1}`}
              <textarea rows={block.kind === "heading" ? 1 : Math.min(10, Math.ceil(block.text.length / 70) + 1)} value={block.text} onChange={(event) => setBlock(index, event.target.value)} />
            </label>
            <div className="block-editor__actions">
              <button type="button" className="link-button" onClick={() => addAfter(index)}>
                Add a paragraph below
              </button>
              <button type="button" className="link-button" onClick={() => removeBlock(index)} disabled={essay.blocks.length === 1}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

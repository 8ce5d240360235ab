"use client";

import { use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { canonicalTextOf, offsetAtPoint, paragraphOffsets, sentenceOffsetsAt } from "@/lib/anchoring/dom";
import { adjustSelection, selectionMoveFor } from "@/lib/highlights/adjust-selection";
import type { HighlightColourName } from "@/lib/highlights/colours";
import { indexIntervals } from "@/lib/highlights/intervals";
import { sceneOfFirstPaint, type FirstPaint } from "@/lib/highlights/first-paint";
import { createPainter, type Painter } from "@/lib/highlights/paint";
import type { HighlightView } from "@/lib/highlights/view";
import { ApiError, callOperation } from "@/components/api-client";
import * as commentOps from "@/lib/comments/contracts.browser";
import * as highlightOps from "@/lib/highlights/contracts.browser";
import type { HighlightPatch } from "@/lib/highlights/schemas";
import { PassageDiscussion } from "@/components/discussion/passage-discussion";
import { PassageTools, type PassageState } from "@/components/passages/passage-tools";
import { HIGHLIGHT_REATTACHED } from "./reattach-button";
import { HighlightPanel } from "./highlight-panel";
import { HighlightDetails } from "./highlight-details";
import { MarginMarkers, type MarginMarker } from "./margin-markers";
import { ReadingTools } from "./reading-tools";
import { readerCount, sceneFor, topHighlights, type HighlightLayerChoice } from "./scene";
import { SelectionToolbar } from "./selection-toolbar";
import { Toast, type ToastMessage } from "./toast";
import { useLiveHighlights } from "./use-live-highlights";
import { useEssaySelection } from "./use-selection";
import { useFocusReturn } from "./use-focus-return";
import { usePassageInView } from "./use-passage-in-view";

interface Props {
  /** What to paint until the full list has loaded (streamed with the page). */
  firstPaint: Promise<FirstPaint>;
  essayId: string;
  revisionId: string;
  slug: string;
  viewer: { handle: string; name: string } | null;
  highlightsOpen: boolean;
  commentsOpen: boolean;
  lastEventId: number;
  /** The passages' controls (streamed with the page). */
  passages: Promise<PassageState>;
}

const VISIBILITY_KEY = "glossa:new-highlight-visibility";
const HIGHLIGHT_HASH = /^#hl-([\w-]+)$/;
/** Turns on keyboard highlighting from anywhere on the page (announced on the button as aria-keyshortcuts). */
const KEYBOARD_SHORTCUT = "Alt+Shift+H";

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("textarea, input, select, [contenteditable='true']") !== null;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : "That did not work. Please try again.";
}

/**
 * Everything interactive about highlights on the essay page, layered over
 * the server-rendered article: selecting and highlighting, painting, the
 * layer switch, hit-testing for hover counts and panels, margin markers,
 * deep links and undo. The article itself stays server-rendered and readable
 * without JavaScript.
 */
export function HighlightLayer({ firstPaint: firstPaintPromise, essayId, revisionId, slug, viewer, highlightsOpen, commentsOpen, lastEventId, passages: passagesPromise }: Props) {
  // The article is server-rendered outside this component; it is in the DOM before hydration.
  const firstPaint = use(firstPaintPromise);
  const passages = use(passagesPromise);
  const [body, setBody] = useState<HTMLElement | null>(() => (typeof document === "undefined" ? null : document.querySelector<HTMLElement>("[data-essay-body]")));
  // After a client-side navigation (a notification's link) this renders before the new article is in the document: find it once it is.
  // The article is outside React's tree here, so there is nothing to derive it from: it is read once it exists.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!body) setBody(document.querySelector<HTMLElement>("[data-essay-body]"));
  }, [body]);
  const [highlights, setHighlights] = useState<HighlightView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [layer, setLayer] = useState<HighlightLayerChoice>("everyone");
  const [visibility, setVisibility] = useState<"private" | "public">(() => (typeof localStorage !== "undefined" && localStorage.getItem(VISIBILITY_KEY) === "public" ? "public" : "private"));
  const [activeIds, setActiveIds] = useState<string[] | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; readers: number } | null>(null);
  const [markers, setMarkers] = useState<MarginMarker[]>([]);
  const [keyboardMode, setKeyboardMode] = useState(false);
  // The selection (as "start-end") the keyboard path opened the toolbar for, which should take focus.
  const [focusFor, setFocusFor] = useState<string | null>(null);
  const painter = useRef<Painter | null>(null);
  const sentenceCursor = useRef(new Map<HTMLElement, number>());
  const toastId = useRef(0);

  const canonical = useMemo(() => (body ? canonicalTextOf(body) : ""), [body]);
  const { selection, clear: clearSelection, select } = useEssaySelection(body, canonical);
  const offerNewRevision = useCallback(
    () =>
      setToast({
        id: ++toastId.current,
        text: "This essay has just been revised. Reload to read the new version: highlights move with their words.",
        action: { label: "Reload", run: () => window.location.reload() },
      }),
    [],
  );
  useLiveHighlights(essayId, lastEventId, highlights, setHighlights, offerNewRevision);
  const signedIn = viewer !== null;
  const placed = useMemo(() => highlights.filter((highlight) => !highlight.orphaned && highlight.revisionId === revisionId), [highlights, revisionId]);
  const visible = useMemo(() => (layer === "none" ? [] : layer === "mine" ? placed.filter((h) => h.mine) : placed), [placed, layer]);
  const hitIndex = useMemo(() => indexIntervals(visible), [visible]);

  const say = useCallback((text: string, extra: Partial<ToastMessage> = {}) => setToast({ id: ++toastId.current, text, ...extra }), []);
  const dismissToast = useCallback(() => setToast(null), []);

  // Highlights arrive after the article is on screen: however many readers
  // have highlighted, they never hold up the first paint of the essay.
  // An orphan re-attached from the list after the essay (reattach-button.tsx) joins the painted highlights.
  useEffect(() => {
    const onReattached = (event: Event) => {
      const reattached = (event as CustomEvent<HighlightView>).detail;
      setHighlights((current) => [...current.filter((highlight) => highlight.id !== reattached.id), reattached]);
    };
    window.addEventListener(HIGHLIGHT_REATTACHED, onReattached);
    return () => window.removeEventListener(HIGHLIGHT_REATTACHED, onReattached);
  }, []);

  const reloadHighlights = useCallback(async () => {
    const { highlights: fresh } = await callOperation(highlightOps.listHighlights, { params: { essayId } });
    setHighlights(fresh.filter((highlight) => !highlight.orphaned));
  }, [essayId]);

  useEffect(() => {
    let current = true;
    callOperation(highlightOps.listHighlights, { params: { essayId } }).then(
      ({ highlights: fresh }) => {
        if (!current) return;
        // Whatever the reader made, or the stream brought, while the list was on its way stays: the list was read before it (bench:reading saw a new highlight vanish when the list landed after the click).
        setHighlights((meanwhile) => {
          const listed = new Set(fresh.map((highlight) => highlight.id));
          return [...fresh.filter((highlight) => !highlight.orphaned), ...meanwhile.filter((highlight) => !listed.has(highlight.id))];
        });
        setLoaded(true);
      },
      () => current && say("Highlights could not be loaded. Reload the page to try again.", { tone: "error" }),
    );
    return () => {
      current = false;
    };
  }, [essayId, say]);

  useEffect(() => {
    if (body) painter.current = createPainter(body);
    return () => painter.current?.clear();
  }, [body]);

  // Where each passage's first line sits, by "start:end", kept while the
  // essay's box keeps its size: a new highlight measures itself alone.
  // Measured afresh on every change, the 5,000 passages of bench:reading's
  // essay were 5,000 ranges and layout reads between a click on Highlight
  // and the frame that shows it.
  const lineCache = useRef(new Map<string, number | null>());
  const [layoutVersion, setLayoutVersion] = useState(0);
  useEffect(() => {
    if (!body) return;
    let size = "";
    const observer = new ResizeObserver(([entry]) => {
      const next = `${Math.round(entry!.contentRect.width)}x${Math.round(entry!.contentRect.height)}`;
      if (next === size) return;
      size = next;
      lineCache.current.clear();
      setLayoutVersion((version) => version + 1);
    });
    observer.observe(body);
    return () => observer.disconnect();
  }, [body]);

  // Paint, then measure the margin markers: every read of layout happens
  // after all the writes, in one pass.
  useEffect(() => {
    if (!body || !painter.current) return;
    // Until the list arrives: the first paint, and whatever was made or arrived live since.
    const scene = sceneFor(placed, layer);
    const first = loaded ? null : sceneOfFirstPaint(firstPaint, layer);
    painter.current.paint(first ? { own: [...first.own, ...scene.own], density: [...first.density, ...scene.density] } : scene);
    setMarkers(measureMarkers(body, painter.current, visible, topHighlights(placed), lineCache.current));
  }, [body, placed, visible, layer, loaded, firstPaint, layoutVersion]);

  const openHighlight = useCallback(
    (id: string, flash: boolean) => {
      const highlight = highlights.find((candidate) => candidate.id === id);
      if (!highlight || highlight.orphaned || !painter.current) return false;
      const range = painter.current.rangeFor(highlight.start, highlight.end);
      if (!range) return false;
      const rect = range.getBoundingClientRect();
      window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior: "smooth" });
      if (flash) painter.current.flash(highlight.start, highlight.end);
      setActiveIds([id]);
      return true;
    },
    [highlights],
  );

  // Deep links: /essays/<slug>#hl-<id> scrolls to the highlight and flashes it.
  useEffect(() => {
    if (!body || !loaded) return;
    const follow = () => {
      const match = HIGHLIGHT_HASH.exec(window.location.hash);
      if (match && !openHighlight(match[1]!, true)) say("That highlight’s passage is not in this version of the essay: it is listed after the essay, with its original words.");
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
    // Follow the link once highlights have loaded; later highlight changes must not scroll the page again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, loaded]);

  // Hit-testing: painted ranges receive no events.
  useEffect(() => {
    if (!body) return;
    let frame = 0;
    const readersAt = (x: number, y: number) => {
      const offset = offsetAtPoint(body, x, y);
      return offset === null ? [] : hitIndex.covering(offset);
    };
    const onMove = (event: PointerEvent) => {
      if (event.pointerType !== "mouse") return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ids = readersAt(event.clientX, event.clientY);
        body.dataset.overHighlight = ids.length ? "true" : "false";
        setHover(ids.length ? { x: event.clientX, y: event.clientY, readers: readerCount(visible.filter((h) => ids.includes(h.id))) } : null);
      });
    };
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const ids = readersAt(event.clientX, event.clientY);
      if (ids.length) setActiveIds(ids);
    };
    const onLeave = () => setHover(null);
    body.addEventListener("pointermove", onMove);
    body.addEventListener("click", onClick);
    body.addEventListener("pointerleave", onLeave);
    return () => {
      cancelAnimationFrame(frame);
      body.removeEventListener("pointermove", onMove);
      body.removeEventListener("click", onClick);
      body.removeEventListener("pointerleave", onLeave);
    };
  }, [body, hitIndex, visible]);

  // The keyboard path: paragraphs become focusable; Enter selects one, S the next sentence.
  useEffect(() => {
    if (!body || !keyboardMode) return;
    const blocks = [...body.querySelectorAll<HTMLElement>("[data-block]")];
    for (const block of blocks) block.tabIndex = 0;
    const selectForToolbar = (start: number, end: number) => {
      select(start, end);
      setFocusFor(`${start}-${end}`);
    };
    const onKey = (event: KeyboardEvent) => {
      const block = (event.target as HTMLElement).closest<HTMLElement>("[data-block]");
      if (!block || event.target !== block) return;
      if (event.key === "Enter") {
        event.preventDefault();
        const { start, end } = paragraphOffsets(block);
        selectForToolbar(start, end);
      } else if (event.key === "s" || event.key === "S") {
        event.preventDefault();
        const at = sentenceCursor.current.get(block) ?? 0;
        const sentence = sentenceOffsetsAt(block, at);
        const blockStart = Number(block.dataset.start);
        sentenceCursor.current.set(block, sentence.end - blockStart + 1 >= (block.textContent ?? "").length ? 0 : sentence.end - blockStart + 1);
        selectForToolbar(sentence.start, sentence.end);
      }
    };
    body.addEventListener("keydown", onKey);
    return () => {
      body.removeEventListener("keydown", onKey);
      for (const block of blocks) block.removeAttribute("tabindex");
    };
  }, [body, keyboardMode, select]);

  // The shortcut works from anywhere on the page: keyboard mode on, focus on the first paragraph in view.
  useEffect(() => {
    if (!body || !signedIn) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === "KeyH") || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      setKeyboardMode(true);
      const blocks = [...body.querySelectorAll<HTMLElement>("[data-block]")];
      const first = blocks.find((block) => block.getBoundingClientRect().bottom > 0) ?? blocks[0];
      if (!first) return;
      first.tabIndex = 0;
      first.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [body, signedIn]);

  // The passage being highlighted stays marked while focus is in the toolbar (a note field takes the document selection).
  useEffect(() => {
    painter.current?.pending(selection ? { start: selection.start, end: selection.end } : null);
  }, [selection]);

  // Shift+arrows move the selection's end (←/→) or start (↑/↓) by a word, with Alt by a sentence; text fields keep their own keys.
  useEffect(() => {
    if (!selection) return;
    const onKey = (event: KeyboardEvent) => {
      const move = selectionMoveFor(event);
      if (!move || isTextField(event.target)) return;
      const target = event.target as HTMLElement | null;
      if (!target?.closest("[data-selection-ui], [data-essay-body]")) return;
      event.preventDefault();
      const next = adjustSelection(canonical, selection, move);
      if (next.start !== selection.start || next.end !== selection.end) select(next.start, next.end);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, canonical, select]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      if (activeIds) setActiveIds(null);
      else if (selection) clearSelection();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [activeIds, selection, clearSelection]);

  // Where focus goes when the toolbar or panel closes with focus inside: the passage's paragraph, never <body>.
  const blockAt = (offset: number) => {
    if (!body) return null;
    const block = [...body.querySelectorAll<HTMLElement>("[data-block]")].find((candidate) => Number(candidate.dataset.end) > offset) ?? null;
    if (block && !block.hasAttribute("tabindex")) block.tabIndex = -1;
    return block;
  };

  const changeVisibility = (value: "private" | "public") => {
    setVisibility(value);
    localStorage.setItem(VISIBILITY_KEY, value);
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      say("Link copied.");
    } catch {
      say(`Copy this link: ${url}`);
    }
  };

  const highlight = async (colour: HighlightColourName, note: string | null) => {
    if (!selection || !viewer) return;
    if (!highlightsOpen) return say("Highlighting is closed on this essay.", { tone: "error" });
    const { start, end, exact } = selection;
    const already = placed.find((candidate) => candidate.mine && candidate.start === start && candidate.end === end);
    if (already) {
      clearSelection();
      setActiveIds([already.id]);
      return say("You have already highlighted exactly this passage; here it is.");
    }
    const pendingId = `pending-${Date.now()}`;
    const optimistic: HighlightView = {
      id: pendingId,
      revisionId,
      start,
      end,
      exact,
      colour,
      note: note?.trim() || null,
      tags: [],
      noteHiddenReason: null,
      visibility,
      orphaned: false,
      passageChange: null,
      mine: true,
      author: { handle: viewer.handle, name: viewer.name },
      commentCount: 0,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    setHighlights((current) => [...current, optimistic]);
    clearSelection();
    try {
      const { highlight: saved } = await callOperation(highlightOps.createHighlight, { params: { essayId }, body: { revisionId, start, end, exact, colour, note: optimistic.note, visibility } });
      setHighlights((current) => current.map((candidate) => (candidate.id === pendingId ? saved : candidate)));
      say(visibility === "public" ? "Highlighted. Everyone can see it." : "Highlighted. Only you can see it (dashed underline).");
    } catch (error) {
      setHighlights((current) => current.filter((candidate) => candidate.id !== pendingId));
      say(messageOf(error), { tone: "error" });
    }
  };

  const update = async (id: string, patch: HighlightPatch) => {
    const before = highlights;
    setHighlights((current) => current.map((candidate) => (candidate.id === id ? { ...candidate, ...patch } : candidate)));
    try {
      const { highlight: saved } = await callOperation(highlightOps.updateHighlight, { params: { highlightId: id }, body: patch });
      setHighlights((current) => current.map((candidate) => (candidate.id === id ? saved : candidate)));
      if (patch.note !== undefined) say("Note saved.");
      else if (patch.tags !== undefined) say("Tags saved.");
      if (patch.visibility) say(patch.visibility === "public" ? "Now public." : "Now only you can see it.");
    } catch (error) {
      setHighlights(before);
      say(messageOf(error), { tone: "error" });
    }
  };

  const remove = async (id: string) => {
    const removed = highlights.find((candidate) => candidate.id === id);
    if (!removed) return;
    setHighlights((current) => current.filter((candidate) => candidate.id !== id));
    setActiveIds((ids) => ids?.filter((candidate) => candidate !== id) ?? null);
    try {
      await callOperation(highlightOps.deleteHighlight, { params: { highlightId: id } });
      say("Highlight deleted.", {
        action: {
          label: "Undo",
          run: async () => {
            try {
              const { highlight: restored } = await callOperation(highlightOps.restoreHighlight, { params: { highlightId: id } });
              setHighlights((current) => [...current, restored]);
              say("Highlight restored.");
            } catch (error) {
              say(messageOf(error), { tone: "error" });
            }
          },
        },
      });
    } catch (error) {
      setHighlights((current) => [...current, removed]);
      say(messageOf(error), { tone: "error" });
    }
  };

  const commentOnSelection = async (body: string) => {
    if (!selection) return;
    const { start, end, exact } = selection;
    const { comment } = await callOperation(commentOps.createComment, { params: { essayId }, body: { body, passage: { revisionId, start, end, exact, colour: "yellow" } } });
    await reloadHighlights();
    clearSelection();
    if (comment.highlightId) setActiveIds([comment.highlightId]);
    say("Comment posted. The passage is now highlighted for everyone.");
  };

  const selectionHref = (start: number) => {
    const block = [...(body?.querySelectorAll<HTMLElement>("[data-block]") ?? [])].find((candidate) => Number(candidate.dataset.end) >= start);
    return `/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}${block ? `#${block.id}` : ""}`)}`;
  };

  const discussionFor = (list: HighlightView[]) => {
    const passage = list.find((candidate) => candidate.visibility === "public" && candidate.commentCount > 0) ?? list.find((candidate) => candidate.visibility === "public");
    const start = Math.min(...list.map((candidate) => candidate.start));
    const end = Math.max(...list.map((candidate) => candidate.end));
    const tools = <PassageTools essayId={essayId} revisionId={revisionId} passage={{ start, end, exact: canonical.slice(start, end) }} state={passages} where="discussion" />;
    return passage ? (
      <>
        {tools}
        <PassageDiscussion key={passage.id} essayId={essayId} slug={slug} highlightId={passage.id} signedIn={signedIn} commentsOpen={commentsOpen} lastEventId={lastEventId} />
      </>
    ) : passages.staff ? (
      tools
    ) : null;
  };

  const active = activeIds ? visible.filter((candidate) => activeIds.includes(candidate.id)).sort((a, b) => Number(b.mine) - Number(a.mine)) : [];
  const mineCount = placed.filter((candidate) => candidate.mine).length;
  useFocusReturn(selection?.start ?? null, blockAt);
  useFocusReturn(active[0]?.start ?? null, blockAt);
  usePassageInView(painter, active.length ? { start: Math.min(...active.map((h) => h.start)), end: Math.max(...active.map((h) => h.end)) } : null);

  return (
    <>
      <ReadingTools
        layer={layer}
        onLayerChange={setLayer}
        counts={{ mine: mineCount, everyone: placed.filter((h) => h.visibility === "public" || h.mine).length, readers: readerCount(placed) }}
        signedIn={signedIn}
        signInHref={`/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}`)}`}
        keyboardMode={keyboardMode}
        onKeyboardModeChange={(on) => {
          setKeyboardMode(on);
          say(on ? "Keyboard highlighting on. Tab to a paragraph, then press Enter or S." : "Keyboard highlighting off.");
        }}
        shortcut={KEYBOARD_SHORTCUT}
        slug={slug}
      />
      <MarginMarkers markers={markers} onOpen={setActiveIds} />
      <HighlightDetails body={body} highlights={visible} />
      {selection && (
        <SelectionToolbar
          selection={selection}
          signedIn={signedIn}
          signInHref={selectionHref(selection.start)}
          visibility={visibility}
          onVisibilityChange={changeVisibility}
          onHighlight={highlight}
          onCopyLink={() => copy(`${window.location.origin}/essays/${slug}#:~:text=${encodeURIComponent(selection.exact.slice(0, 300))}`)}
          onComment={commentsOpen ? commentOnSelection : null}
          keyboardMode={keyboardMode}
          takeFocus={focusFor === `${selection.start}-${selection.end}`}
          passageTools={<PassageTools essayId={essayId} revisionId={revisionId} passage={{ start: selection.start, end: selection.end, exact: selection.exact }} state={passages} where="selection" />}
        />
      )}
      {hover && !selection && (
        <div className="hover-count" style={{ top: hover.y + window.scrollY - 36, left: hover.x + window.scrollX + 8 }} aria-hidden="true">
          {hover.readers === 1 ? "1 reader highlighted this" : `${hover.readers} readers highlighted this`}
        </div>
      )}
      {active.length > 0 && (
        <HighlightPanel
          key={active.map((h) => h.id).join()}
          highlights={active}
          discussion={discussionFor(active)}
          readers={readerCount(active)}
          onClose={() => setActiveIds(null)}
          onUpdate={update}
          onDelete={remove}
          onCopyLink={(id) => copy(`${window.location.origin}/essays/${slug}#hl-${id}`)}
          signedIn={signedIn}
        />
      )}
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}

/** Positions of margin markers: one per highlighted line, relative to the article. */
function measureMarkers(body: HTMLElement, painter: Painter, visible: HighlightView[], top: { start: number; end: number; readers: number }[], cache: Map<string, number | null>): MarginMarker[] {
  const lines = new Map<number, MarginMarker>();
  let bodyTop: number | null = null;
  const lineOf = (start: number, end: number) => {
    const key = `${start}:${end}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    bodyTop ??= (body.closest("article") ?? body).getBoundingClientRect().top;
    const rect = painter.rangeFor(start, end)?.getClientRects()[0];
    // Relative to the article, so scrolling leaves what is kept true.
    const line = rect ? Math.round(rect.top - bodyTop) : null;
    cache.set(key, line);
    return line;
  };
  for (const highlight of visible) {
    const line = lineOf(highlight.start, highlight.end);
    if (line === null) continue;
    const marker = lines.get(line) ?? { key: `line-${line}`, top: line, highlightIds: [], count: 0, notes: 0, topReaders: null };
    marker.highlightIds.push(highlight.id);
    marker.count += 1;
    if (highlight.note) marker.notes += 1;
    lines.set(line, marker);
  }
  for (const passage of top) {
    const line = lineOf(passage.start, passage.end);
    if (line === null) continue;
    const marker = lines.get(line);
    if (marker) marker.topReaders = Math.max(marker.topReaders ?? 0, passage.readers);
  }
  return [...lines.values()].sort((a, b) => a.top - b.top);
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api-client";
import { callOperation } from "@/components/api-client";
import type { ModerationActionRequest } from "@/lib/moderation/actions";
import { moderate } from "@/lib/moderation/contracts.browser";
import type { TrustRules } from "@/lib/moderation/trust";

function useAction() {
  const router = useRouter();
  const [state, setState] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (body: ModerationActionRequest, done: string) => {
    setBusy(true);
    setState(null);
    try {
      await callOperation(moderate, { body });
      setState({ tone: "ok", text: done });
      router.refresh();
    } catch (error) {
      setState({ tone: "error", text: error instanceof ApiError ? error.message : "That did not work. Please try again." });
    } finally {
      setBusy(false);
    }
  };
  const status = state && (
    <p className={state.tone === "error" ? "form-error" : "form-success"} role={state.tone === "error" ? "alert" : "status"}>
      {state.text}
    </p>
  );
  return { send, busy, status };
}

interface EssaySettings {
  id: string;
  title: string;
  slug: string;
  commentsOpen: boolean;
  preModeration: "OFF" | "ALL" | "NEW_ACCOUNTS";
  preModerationThreshold: number;
  slowModeSeconds: number;
}

/** One essay's discussion settings: open or closed, pre-moderation, slow mode. */
export function EssaySettingsForm({ essay }: { essay: EssaySettings }) {
  const { send, busy, status } = useAction();
  const [values, setValues] = useState(essay);
  return (
    <form
      className="settings-card"
      aria-label={`Settings for ${essay.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send(
          {
            action: "essay-settings",
            essayId: essay.id,
            commentsOpen: values.commentsOpen,
            preModeration: values.preModeration,
            preModerationThreshold: values.preModerationThreshold,
            slowModeSeconds: values.slowModeSeconds,
          },
          "Saved.",
        );
      }}
    >
      <h3>
        <a href={`/essays/${essay.slug}`}>{essay.title}</a>
      </h3>
      <label className="settings-card__check">
        <input type="checkbox" checked={values.commentsOpen} onChange={(event) => setValues({ ...values, commentsOpen: event.target.checked })} /> Comments open
      </label>
      <label>
        Pre-moderation
        <select value={values.preModeration} onChange={(event) => setValues({ ...values, preModeration: event.target.value as EssaySettings["preModeration"] })}>
          <option value="OFF">Off</option>
          <option value="NEW_ACCOUNTS">New accounts (their first comments)</option>
          <option value="ALL">Everyone</option>
        </select>
      </label>
      {values.preModeration === "NEW_ACCOUNTS" && (
        <label>
          Review each new account&apos;s first
          <input type="number" min={1} max={100} value={values.preModerationThreshold} onChange={(event) => setValues({ ...values, preModerationThreshold: Number(event.target.value) })} /> comments
        </label>
      )}
      <label>
        Slow mode: seconds between one reader&apos;s comments (0 is off)
        <input type="number" min={0} max={3600} value={values.slowModeSeconds} onChange={(event) => setValues({ ...values, slowModeSeconds: Number(event.target.value) })} />
      </label>
      <button type="submit" className="button button--small" disabled={busy}>
        Save
      </button>
      {status}
    </form>
  );
}

interface SiteSettings {
  bannedWords: string[];
  suspectWords: string[];
  exactMatchWords: string[];
  reportHideThreshold: number;
  requireVerifiedEmail: boolean;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The word lists and thresholds every comment is judged by (admins). */
export function SiteSettingsForm({ settings }: { settings: SiteSettings }) {
  const { send, busy, status } = useAction();
  const [banned, setBanned] = useState(settings.bannedWords.join("\n"));
  const [suspect, setSuspect] = useState(settings.suspectWords.join("\n"));
  const [exact, setExact] = useState(() => new Set(settings.exactMatchWords.map((word) => word.toLowerCase())));
  const listed = [...new Set([...lines(banned), ...lines(suspect)].map((word) => word.toLowerCase()))];
  const [threshold, setThreshold] = useState(settings.reportHideThreshold);
  const [confirmed, setConfirmed] = useState(settings.requireVerifiedEmail);
  return (
    <form
      className="settings-card"
      aria-label="Rules for every comment"
      onSubmit={(event) => {
        event.preventDefault();
        void send(
          {
            action: "site-settings",
            bannedWords: lines(banned),
            suspectWords: lines(suspect),
            exactMatchWords: listed.filter((word) => exact.has(word)),
            reportHideThreshold: threshold,
            requireVerifiedEmail: confirmed,
          },
          "Saved.",
        );
      }}
    >
      <label>
        Banned words: comments using one are refused, saying which (one per line)
        <textarea rows={5} value={banned} onChange={(event) => setBanned(event.target.value)} />
      </label>
      <label>
        Suspect words: comments using one are held for review (one per line)
        <textarea rows={5} value={suspect} onChange={(event) => setSuspect(event.target.value)} />
      </label>
      {listed.length > 0 && (
        <fieldset className="settings-card__words">
          <legend>Listed words are also caught in disguise (“b4nned”, “b a n n e d”, look-alike letters). Tick a word to match it only as written:</legend>
          {listed.map((word) => (
            <label key={word} className="settings-card__check">
              <input
                type="checkbox"
                checked={exact.has(word)}
                onChange={(event) => {
                  const next = new Set(exact);
                  if (event.target.checked) next.add(word);
                  else next.delete(word);
                  setExact(next);
                }}
              />{" "}
              {word} <span className="visually-hidden">: match exactly</span>
            </label>
          ))}
        </fieldset>
      )}
      <label>
        Hide an item after this many distinct readers report it
        <input type="number" min={1} max={100} value={threshold} onChange={(event) => setThreshold(Number(event.target.value))} />
      </label>
      <label className="settings-card__check">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
        Readers confirm their email before they comment, vote or publish a highlight (until then they read and highlight privately)
      </label>
      <button type="submit" className="button button--small" disabled={busy}>
        Save rules
      </button>
      {status}
    </form>
  );
}

const TRUST_FIELDS = [
  { key: "minAccountDays", label: "Account age at least (days)" },
  { key: "minPublishedComments", label: "Published comments at least" },
  { key: "maxUpheldAgainst", label: "Items hidden on a report at most" },
  { key: "minHelpfulReports", label: "Own reports upheld at least" },
] as const;
const TRUST_TIERS = [
  { key: "basic", name: "Basic (1)" },
  { key: "member", name: "Member (2)" },
  { key: "trusted", name: "Trusted (3)" },
] as const;

/** The trust levels' thresholds (admins): what each level asks, and how much a trusted reader's report counts. */
export function TrustRulesForm({ rules }: { rules: TrustRules }) {
  const { send, busy, status } = useAction();
  const [values, setValues] = useState(rules);
  return (
    <form
      className="settings-card"
      aria-label="Trust levels"
      onSubmit={(event) => {
        event.preventDefault();
        void send({ action: "site-settings", trustRules: values }, "Saved.");
      }}
    >
      <p className="settings-card__intro">
        Readers earn levels by taking part. New readers&apos; (level 0) links are held, and so are all their comments on essays that review new accounts first; trusted readers skip that review and
        their reports count more.
      </p>
      <div className="audit-table-wrap">
        <table className="trust-rules">
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              {TRUST_TIERS.map((tier) => (
                <th key={tier.key} scope="col">
                  {tier.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TRUST_FIELDS.map((field) => (
              <tr key={field.key}>
                <th scope="row">{field.label}</th>
                {TRUST_TIERS.map((tier) => (
                  <td key={tier.key}>
                    <input
                      type="number"
                      min={0}
                      aria-label={`${tier.name}: ${field.label}`}
                      value={values[tier.key][field.key]}
                      onChange={(event) => setValues({ ...values, [tier.key]: { ...values[tier.key], [field.key]: Number(event.target.value) } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label>
        A trusted reader&apos;s report counts as this many toward hiding an item
        <input type="number" min={1} max={10} value={values.trustedReportWeight} onChange={(event) => setValues({ ...values, trustedReportWeight: Number(event.target.value) })} />
      </label>
      <button type="submit" className="button button--small" disabled={busy}>
        Save trust levels
      </button>
      {status}
    </form>
  );
}

const ROLE_FORM = {
  moderator: { article: "a", grant: "grant-moderator", revoke: "revoke-moderator" },
  editor: { article: "an", grant: "grant-editor", revoke: "revoke-editor" },
} as const;

/** Grant and revoke a staff role, moderator or editor (admins). */
export function StaffRoles({ role, members }: { role: keyof typeof ROLE_FORM; members: { handle: string; name: string }[] }) {
  const { send, busy, status } = useAction();
  const [handle, setHandle] = useState("");
  const words = ROLE_FORM[role];
  return (
    <div className="settings-card">
      <ul className="moderator-list">
        {members.map((member) => (
          <li key={member.handle}>
            {member.name} @{member.handle}{" "}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              aria-label={`Revoke @${member.handle}'s ${role} role`}
              onClick={() => send({ action: words.revoke, handle: member.handle }, `@${member.handle} is no longer ${words.article} ${role}.`)}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send({ action: words.grant, handle }, `@${handle.replace(/^@/, "")} is now ${words.article} ${role}.`).then(() => setHandle(""));
        }}
      >
        <label>
          Make a reader {words.article} {role}
          <input value={handle} onChange={(event) => setHandle(event.target.value)} placeholder="@handle" />
        </label>
        <button type="submit" className="button button--small" disabled={busy || !handle.trim()}>
          Grant
        </button>
      </form>
      {status}
    </div>
  );
}

/** The canned reasons the hide and sanction forms offer (admins); a moderator can still write their own. */
export function CannedReasonsForm({ hide, sanction }: { hide: string[]; sanction: string[] }) {
  const { send, busy, status } = useAction();
  const [hideText, setHideText] = useState(hide.join("\n"));
  const [sanctionText, setSanctionText] = useState(sanction.join("\n"));
  return (
    <form
      className="settings-card"
      aria-label="Saved reasons"
      onSubmit={(event) => {
        event.preventDefault();
        void send({ action: "site-settings", cannedHideReasons: lines(hideText), cannedSanctionReasons: lines(sanctionText) }, "Saved.");
      }}
    >
      <label>
        Reasons for hiding a comment or note (one per line)
        <textarea rows={5} value={hideText} onChange={(event) => setHideText(event.target.value)} />
      </label>
      <label>
        Reasons for suspending or banning a reader (one per line)
        <textarea rows={4} value={sanctionText} onChange={(event) => setSanctionText(event.target.value)} />
      </label>
      <button type="submit" className="button button--small" disabled={busy}>
        Save reasons
      </button>
      {status}
    </form>
  );
}

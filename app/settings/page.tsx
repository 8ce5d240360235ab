import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiTokens } from "@/components/account/api-tokens";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { DisplayNameForm } from "@/components/account/display-name-form";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { MailPreferencesForm } from "@/components/account/mail-preferences-form";
import { PasswordForm } from "@/components/account/password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { accountSettings } from "@/lib/auth/account-queries";
import { signInHref } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";
import { loadOwnTrust } from "@/lib/moderation/load-trust";
import * as exportOps from "@/lib/exports/contracts.browser";
import { operationUrl } from "@/lib/http/contract";

export const metadata: Metadata = { title: "Settings" };

// The redirect is a convenience; every change below is authorised by its route.
export default async function SettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref("/settings"));
  const [account, trust] = await Promise.all([accountSettings(viewer.id), loadOwnTrust(viewer.id)]);
  return (
    <section className="settings-page">
      <h1>Settings</h1>
      <p className="settings-page__who">
        Signed in as <strong>@{viewer.handle}</strong>.
      </p>
      <section className="settings-section" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <DisplayNameForm name={viewer.name} />
      </section>
      {trust && (
        <section className="settings-section" id="trust" aria-labelledby="trust-heading">
          <h2 id="trust-heading">Trust level</h2>
          <p data-testid="trust-level">
            You are <strong>{trust.name}</strong> (level {trust.level} of 3). {trust.allows}
          </p>
          {trust.next ? (
            <p>
              Next, <strong>{trust.next.name}</strong>: {trust.next.unlocks} To reach it: {trust.next.needs.join(", ")}. Levels are earned by taking part, never requested.
            </p>
          ) : (
            <p>This is the highest level.</p>
          )}
        </section>
      )}
      <section className="settings-section" id="email" aria-labelledby="email-heading">
        <h2 id="email-heading">Email address</h2>
        <p className="settings-page__status" data-testid="email-status">
          {account.email ? (
            <>
              <strong>{account.email}</strong>, {account.emailConfirmed ? "confirmed." : "not confirmed yet: open the link we sent you."}
            </>
          ) : (
            "No address yet: add one to comment and to get replies by email."
          )}
          {account.pendingEmail && ` A change to ${account.pendingEmail} waits for its link to be opened.`}
        </p>
        <EmailChangeForm hasEmail={account.email !== null} hasPassword={account.hasPassword} />
      </section>
      <section className="settings-section" id="email-notifications" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Email notifications</h2>
        <p>Glossa emails only a confirmed address, and never what a moderator has hidden or held. Every message has a link that stops it.</p>
        <MailPreferencesForm preferences={account.mailPreferences} canReceive={account.emailConfirmed && account.email !== null} />
      </section>
      <section className="settings-section" id="api-tokens" aria-labelledby="api-tokens-heading">
        <h2 id="api-tokens-heading">API tokens</h2>
        <p>
          A token lets an annotation tool (Zotero, a script) read and write your highlights and comments through Glossa&rsquo;s W3C annotation API, at <code>/annotations/&lt;essay&gt;/</code>, by
          sending <code>Authorization: Bearer &lt;token&gt;</code>. It cannot change your account. Highlights it makes are private.
        </p>
        <ApiTokens initial={await listApiTokens(viewer.id)} />
      </section>
      {account.hasPassword && (
        <section className="settings-section" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <PasswordForm email={account.email} />
        </section>
      )}
      <section className="settings-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a shared or lost device? End every session, here and everywhere else.</p>
        <SignOutEverywhere />
      </section>
      <section className="settings-section" id="your-data" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          One JSON file with your account, every highlight and note (private ones included), your comments with their earlier versions, votes, reports and notification settings, and your highlights
          and comments as W3C Web Annotations. Your notes alone, as Markdown or CSV, are in your <a href="/notebook">notebook</a>.
        </p>
        <a className="button settings-download" href={operationUrl(exportOps.exportMyAccount)} download>
          Download all my data
        </a>
      </section>
      <section className="settings-section" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <p>This cannot be undone. Your email, password and name are erased and your handle is freed.</p>
        <DeleteAccountForm hasPassword={account.hasPassword} />
      </section>
    </section>
  );
}

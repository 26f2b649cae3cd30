"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

/** Share with a link (its address is shown once) or with named people by email (each gets their own link). */
export function SharePanel({ albumId }: { albumId: string }) {
  const router = useRouter();
  const [expires, setExpires] = useState(true);
  const [days, setDays] = useState("30");
  const [password, setPassword] = useState("");
  const [downloads, setDownloads] = useState(false);
  const [size, setSize] = useState<"original" | "web">("original");
  const [review, setReview] = useState(false);
  const [emails, setEmails] = useState("");
  const [made, setMade] = useState<string | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const link = useSubmit();
  const invite = useSubmit();

  const options = () => ({
    expiresInDays: expires ? Number(days) : null,
    allowDownloads: downloads,
    downloadSize: size,
  });

  async function createLink(e: React.FormEvent) {
    e.preventDefault();
    const body = { ...options(), allowReview: review, ...(password ? { password } : {}) };
    const result = await link.run(() =>
      api.post<{ path: string }>(`/api/albums/${albumId}/links`, body, { fallback: "Could not make the link." }),
    );
    if (!result.ok) return;
    setMade(`${window.location.origin}${result.data.path}`);
    setPassword("");
    router.refresh();
  }
  async function sendInvites(e: React.FormEvent) {
    e.preventDefault();
    const list = emails.split(/[\s,;]+/).filter(Boolean);
    const result = await invite.run(() =>
      api.post<{ mailed: boolean }[]>(
        `/api/albums/${albumId}/invites`,
        { ...options(), emails: list, allowReview: true },
        { fallback: "Could not send the invitations." },
      ),
    );
    if (!result.ok) return;
    const unsent = result.data.filter((r) => !r.mailed).length;
    setInvited(
      unsent
        ? `${list.length - unsent} sent; ${unsent} could not be mailed (this server has no mail set up).`
        : `Invitation sent to ${list.length} ${list.length === 1 ? "person" : "people"}.`,
    );
    setEmails("");
    router.refresh();
  }

  return (
    <section aria-labelledby="share-title" className="rounded-2xl border border-line bg-white p-5">
      <h2 id="share-title" className="text-lg font-semibold">
        Share
      </h2>
      <fieldset className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <legend className="sr-only">Link options</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={expires} onChange={(e) => setExpires(e.target.checked)} />
          Expires after
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            disabled={!expires}
            onChange={(e) => setDays(e.target.value)}
            className="w-20 rounded border border-line-strong px-2 py-1"
            aria-label="Days until the link expires"
          />
          days
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={downloads} onChange={(e) => setDownloads(e.target.checked)} />
          Allow downloads
          <select
            value={size}
            disabled={!downloads}
            onChange={(e) => setSize(e.target.value as "original" | "web")}
            className="rounded border border-line-strong px-2 py-1"
            aria-label="Download size"
          >
            <option value="original">Original files</option>
            <option value="web">Web size (2048 px)</option>
          </select>
        </label>
      </fieldset>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <form onSubmit={createLink} className="space-y-3">
          <h3 className="font-medium">With a link</h3>
          <Field
            name="password"
            type="password"
            label="Password (optional)"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={link.fieldError("password")}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} />
            People with the link may comment and approve
          </label>
          <Button type="submit" disabled={link.pending}>
            Create link
          </Button>
          {link.error && !link.error.fields?.password && (
            <p role="alert" className="text-sm text-danger">
              {link.error.message}
            </p>
          )}
          {made && (
            <div className="rounded-lg bg-canvas-sunken p-3 text-sm">
              <p className="mb-1 font-medium">Copy it now: it is shown only once.</p>
              <input
                readOnly
                value={made}
                className="w-full rounded border border-line px-2 py-1"
                aria-label="New link"
                data-testid="new-share-link"
                onFocus={(e) => e.target.select()}
              />
            </div>
          )}
        </form>
        <form onSubmit={sendInvites} className="space-y-3">
          <h3 className="font-medium">With named people</h3>
          <Field
            name="emails"
            label="Email addresses"
            placeholder="anna@brand.com, ben@retailer.com"
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            hint="Each gets their own link by mail and may comment and approve. No account needed."
            error={invite.error?.fields ? Object.values(invite.error.fields)[0] : undefined}
          />
          <Button type="submit" disabled={invite.pending || !emails.trim()}>
            Send invitations
          </Button>
          {invite.error && !invite.error.fields && (
            <p role="alert" className="text-sm text-danger">
              {invite.error.message}
            </p>
          )}
          {invited && (
            <p role="status" className="text-sm text-ink-soft">
              {invited}
            </p>
          )}
        </form>
      </div>
    </section>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ShareLinkSummary } from "@/lib/albums/share-link-service";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

function describe(l: ShareLinkSummary): string {
  return [
    l.expiresAt ? `until ${new Date(l.expiresAt).toLocaleDateString()}` : "never expires",
    l.hasPassword ? "password" : null,
    l.allowDownloads ? `downloads (${l.downloadSize === "web" ? "web size" : "original"})` : "no downloads",
    l.allowReview ? "can review" : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Live links with revoke (revoking takes effect on the guest's next request). */
export function ShareLinksTable({
  links,
  canManage,
  showAlbum,
}: {
  links: ShareLinkSummary[];
  canManage: boolean;
  showAlbum: boolean;
}) {
  const router = useRouter();
  const { pendingKey, error, run } = useSubmit();
  async function revoke(id: string) {
    const result = await run(() => api.delete(`/api/share-links/${id}`, { fallback: "Could not revoke the link." }), {
      key: id,
    });
    if (result.ok) router.refresh();
  }
  if (links.length === 0) return <p className="text-sm text-ink-muted">No live links.</p>;
  return (
    <div>
      {error && (
        <p role="alert" className="mb-2 text-sm text-danger">
          {error.message}
        </p>
      )}
      <ul className="divide-y divide-line rounded-2xl border border-line bg-white" data-testid="share-links">
        {links.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div>
              <p className="font-medium">
                {l.guestEmail ?? `Link ${l.tokenHint}…`}
                {showAlbum && (
                  <>
                    {" "}
                    on{" "}
                    <Link href={`/albums/${l.albumId}`} className="text-accent-ink underline">
                      {l.albumTitle}
                    </Link>
                  </>
                )}
              </p>
              <p className="text-ink-muted">{describe(l)}</p>
            </div>
            {canManage && (
              <Button
                variant="ghost"
                className="text-danger"
                disabled={pendingKey === l.id}
                onClick={() => revoke(l.id)}
              >
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AlbumDetail } from "@/lib/albums/album-service";
import { reviewSummaryText } from "@/lib/albums/review-summary";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { ReviewState } from "@/lib/db/schema";
import { AlbumReviewLightbox } from "./album-review-lightbox";
import { AlbumThumb } from "./album-thumb";
import { ReviewBadge } from "./review-badge";
import { useAlbumReviews } from "./use-album-reviews";

/**
 * The album as its members see it: title, order (move up / down), cover, remove, each item's review state, and a
 * full-screen review view (pins, comments, decisions) opened from an item.
 */
export function AlbumEditor({
  album,
  canManage,
  canReview,
}: {
  album: AlbumDetail;
  canManage: boolean;
  canReview: boolean;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(album.title);
  const { pendingKey, error, run } = useSubmit();
  const busy = pendingKey !== null;
  const [open, setOpen] = useState<number | null>(null);
  const review = useAlbumReviews(album.items.map((i) => i.subjectId));

  function openReview(index: number) {
    setOpen(index);
    void review.load();
  }

  async function patch(body: unknown, key: string) {
    const result = await run(() => api.patch(`/api/albums/${album.id}`, body, { fallback: "Could not save." }), {
      key,
    });
    if (result.ok) router.refresh();
  }
  function move(index: number, by: -1 | 1) {
    const order = album.items.map((i) => i.id);
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved);
    void patch({ order }, `move-${moved}`);
  }
  async function remove(itemId: string) {
    const result = await run(
      () => api.delete(`/api/albums/${album.id}/items/${itemId}`, { fallback: "Could not remove." }),
      {
        key: `remove-${itemId}`,
      },
    );
    if (result.ok) router.refresh();
  }
  async function decideOn(subjectId: string, kind: string, state: ReviewState) {
    const body = { [kind === "viewer" ? "viewerId" : "outputId"]: subjectId, albumId: album.id, state };
    const result = await run(
      () => api.post("/api/reviews/decisions", body, { fallback: "Could not save the decision." }),
      {
        key: `decide-${subjectId}`,
      },
    );
    if (result.ok) router.refresh();
  }

  return (
    <>
      <section aria-labelledby="album-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          {canManage ? (
            <form
              className="flex items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void patch({ title }, "title");
              }}
            >
              <label className="block">
                <span className="mb-1 block text-xs font-medium text-ink-muted">Album title</span>
                <input
                  id="album-title"
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  className="rounded-lg border border-line-strong px-3 py-2 text-xl font-semibold"
                  maxLength={120}
                />
              </label>
              {title !== album.title && (
                <Button type="submit" disabled={busy}>
                  Save title
                </Button>
              )}
            </form>
          ) : (
            <h1 id="album-title" className="text-2xl font-semibold">
              {album.title}
            </h1>
          )}
          <p className="text-sm text-ink-soft" data-testid="album-review-summary">
            {album.itemCount > 0 ? reviewSummaryText(album.review) : "No items yet"}
          </p>
        </div>
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        )}
        {album.items.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-line-strong bg-white p-8 text-center text-sm text-ink-muted">
            This album is empty. On the Renders page, choose Add to album on an export.
          </p>
        ) : (
          <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="album-items">
            {album.items.map((item, index) => (
              <li key={item.id} className="overflow-hidden rounded-2xl border border-line bg-white shadow-card">
                <button
                  type="button"
                  className="block w-full focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent"
                  onClick={() => openReview(index)}
                  aria-label={`Open ${item.title} ${item.label} to review`}
                >
                  <AlbumThumb item={item} className="aspect-[4/3] w-full" />
                </button>
                <div className="space-y-2 p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <p className="font-medium">
                      {item.title} <span className="text-ink-muted">{item.label}</span>
                    </p>
                    <ReviewBadge state={item.state} />
                  </div>
                  {album.cover?.id === item.id && <p className="text-xs text-accent-ink">Cover</p>}
                  <div className="flex flex-wrap gap-1">
                    <Button variant="secondary" onClick={() => openReview(index)} aria-label={`Review ${item.label}`}>
                      {canReview ? "Review" : "Comments"}
                    </Button>
                    {canReview && (
                      <>
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() => decideOn(item.subjectId, item.kind, "approved")}
                        >
                          Approve
                        </Button>
                        <Button
                          variant="ghost"
                          disabled={busy}
                          onClick={() => decideOn(item.subjectId, item.kind, "changes_requested")}
                        >
                          Request changes
                        </Button>
                      </>
                    )}
                    {canManage && (
                      <>
                        <Button
                          variant="ghost"
                          disabled={busy || index === 0}
                          onClick={() => move(index, -1)}
                          aria-label={`Move ${item.label} earlier`}
                        >
                          ↑
                        </Button>
                        <Button
                          variant="ghost"
                          disabled={busy || index === album.items.length - 1}
                          onClick={() => move(index, 1)}
                          aria-label={`Move ${item.label} later`}
                        >
                          ↓
                        </Button>
                        {album.cover?.id !== item.id && item.media !== "viewer" && (
                          <Button
                            variant="ghost"
                            disabled={busy}
                            onClick={() => patch({ coverItemId: item.id }, "cover")}
                          >
                            Make cover
                          </Button>
                        )}
                        <Button variant="ghost" className="text-danger" disabled={busy} onClick={() => remove(item.id)}>
                          Remove
                        </Button>
                      </>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {/* Outside the section: its space-y margin would push a fixed full-screen dialog down. */}
      {open !== null && album.items[open] && (
        <AlbumReviewLightbox
          albumId={album.id}
          items={album.items}
          index={open}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
          canReview={canReview}
          reviews={review.reviews}
          loadError={review.loadError}
          onReviewed={review.reviewed}
        />
      )}
    </>
  );
}

"use client";

import { useCallback, useState } from "react";
import type { AlbumItem } from "@/lib/albums/album-items";
import type { GuestAlbum } from "@/lib/albums/guest-album";
import type { ReviewComment } from "@/lib/albums/review-service";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { reviewSummaryText, type ReviewSummary } from "@/lib/albums/review-summary";
import { fetchJson } from "@/lib/client/api";
import { ReviewBadge } from "@/components/albums/review-badge";
import { GuestLightbox } from "./guest-lightbox";

export type GuestReviews = {
  states: Record<string, ReviewStateOf>;
  summary: ReviewSummary;
  comments: ReviewComment[];
};

export const fileUrl = (token: string, item: AlbumItem, variant: string) =>
  `/api/s/${token}/items/${item.id}/${variant}`;

/** The guest's album: the brand's name and colour, a grid, and a full-screen viewer with review when allowed. */
export function GuestAlbumView({
  token,
  album,
  initialReviews,
}: {
  token: string;
  album: GuestAlbum;
  initialReviews: GuestReviews;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const [reviews, setReviews] = useState(initialReviews);
  const refresh = useCallback(async () => {
    setReviews(await fetchJson<GuestReviews>(`/api/s/${token}/reviews`));
  }, [token]);
  const accent = album.brandColour ?? "#111827";

  return (
    <div className="min-h-screen bg-canvas" style={{ ["--brand" as string]: accent }}>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-5 py-4">
          <div className="flex items-center gap-3">
            <span aria-hidden className="h-8 w-8 rounded-full" style={{ background: accent }} />
            <div>
              <p className="text-xs font-medium uppercase tracking-wide" style={{ color: accent }}>
                {album.brandName}
              </p>
              <h1 className="text-xl font-semibold">{album.title}</h1>
            </div>
          </div>
          <p className="text-sm text-ink-soft" data-testid="guest-review-summary">
            {album.items.length} {album.items.length === 1 ? "item" : "items"}
            {reviews.summary.total > 0 && (reviews.summary.approved || reviews.summary.changesRequested)
              ? ` · ${reviewSummaryText(reviews.summary)}`
              : ""}
          </p>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-5 py-6">
        {album.items.length === 0 ? (
          <p className="py-16 text-center text-ink-muted">Nothing to show yet.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4" data-testid="guest-items">
            {album.items.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => setOpen(index)}
                  className="group block w-full overflow-hidden rounded-xl border border-line bg-white text-left focus-visible:outline focus-visible:outline-2"
                  style={{ outlineColor: accent }}
                  aria-label={`Open ${item.title} ${item.label}`}
                >
                  {item.media === "viewer" ? (
                    <div className="flex aspect-square items-center justify-center bg-canvas-sunken text-sm font-medium">
                      3D viewer
                    </div>
                  ) : (
                    // eslint-disable-next-line @next/next/no-img-element -- served by this link's own route, no optimiser
                    <img
                      src={fileUrl(token, item, "thumb")}
                      alt=""
                      className="aspect-square w-full bg-canvas-sunken object-contain"
                      loading={index < 8 ? "eager" : "lazy"}
                    />
                  )}
                  <div className="flex items-center justify-between gap-2 p-2 text-xs">
                    <span className="truncate">
                      {item.label} {item.media === "video" ? "· video" : ""}
                    </span>
                    <ReviewBadge
                      state={reviews.states[item.subjectId]?.state}
                      by={reviews.states[item.subjectId]?.by}
                    />
                  </div>
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
      {open !== null && (
        <GuestLightbox
          token={token}
          album={album}
          index={open}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
          reviews={reviews}
          onReviewed={refresh}
          accent={accent}
        />
      )}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { PinnedImage } from "@/components/review/pinned-image";
import { guestReviewCalls } from "@/components/review/review-calls";
import { ReviewPanel } from "@/components/review/review-panel";
import { useInertOutside } from "@/components/review/use-inert-outside";
import { useLightboxKeys } from "@/components/review/use-lightbox-keys";
import { formatPinTime } from "@/lib/albums/pin-geometry";
import type { GuestAlbum } from "@/lib/albums/guest-album";
import { fileUrl, type GuestReviews } from "./guest-album-view";

type Props = {
  token: string;
  album: GuestAlbum;
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
  reviews: GuestReviews;
  onReviewed: () => Promise<void>;
  accent: string;
};

/**
 * Full screen, one item at a time: arrows go to the previous and next item, Esc closes (focus returns to the page).
 * A still is shown web-size (watermarked when downloads are off), a video plays, a 3D viewer is framed inline.
 */
export function GuestLightbox({ token, album, index, onIndex, onClose, reviews, onReviewed, accent }: Props) {
  const item = album.items[index];
  const dialog = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [pin, setPin] = useState<{ x: number; y: number } | null>(null);
  const count = album.items.length;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => previous?.focus();
  }, []);
  useEffect(() => setPin(null), [index]);
  useLightboxKeys(dialog, index, count, onIndex, onClose);
  useInertOutside(dialog);

  const comments = reviews.comments.filter((c) => c.subjectId === item.subjectId);
  const pins = comments.filter((c) => c.pin && !c.parentId && !c.resolved);

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-label={`${item.title} ${item.label}, ${index + 1} of ${count}`}
      tabIndex={-1}
      className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-neutral-950 text-white outline-none lg:flex-row lg:overflow-hidden"
      data-testid="guest-lightbox"
    >
      <div className="relative flex flex-1 items-center justify-center p-4 lg:min-h-0">
        {item.media === "image" && (
          <PinnedImage
            src={fileUrl(token, item, "view")}
            alt={`${item.title} ${item.label}`}
            pins={pins.map((c) => c.pin!)}
            pending={pin}
            onPlace={album.allowReview ? setPin : undefined}
            accent={accent}
            testId="guest-view-image"
          />
        )}
        {item.media === "video" && (
          <video
            ref={video}
            key={item.id}
            src={fileUrl(token, item, "video")}
            poster={fileUrl(token, item, "poster")}
            controls
            playsInline
            controlsList={album.allowDownloads ? undefined : "nodownload"}
            className="max-h-[60vh] max-w-full lg:max-h-[85vh]"
            data-testid="guest-video"
          />
        )}
        {item.media === "viewer" && (
          <iframe
            key={item.id}
            src={`/s/${token}/viewer/${item.id}`}
            title={`3D viewer: ${item.title}`}
            className="h-[80vh] w-full max-w-5xl rounded-lg bg-white"
            data-testid="guest-viewer-frame"
          />
        )}
      </div>
      <aside className="flex w-full shrink-0 flex-col gap-3 overflow-y-auto bg-neutral-900 p-4 text-sm lg:w-80">
        <div className="flex items-center justify-between gap-2">
          <p className="font-medium">
            {index + 1} / {count} · {item.label}
          </p>
          <button
            type="button"
            onClick={onClose}
            className="rounded px-2 py-1 hover:bg-white/10"
            aria-label="Close (Esc)"
          >
            ✕
          </button>
        </div>
        <div className="flex gap-2">
          <button
            type="button"
            className="rounded bg-white/10 px-3 py-1.5 hover:bg-white/20"
            onClick={() => onIndex((index - 1 + count) % count)}
            aria-label="Previous (←)"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="rounded bg-white/10 px-3 py-1.5 hover:bg-white/20"
            onClick={() => onIndex((index + 1) % count)}
            aria-label="Next (→)"
          >
            Next →
          </button>
        </div>
        {album.allowDownloads && item.media !== "viewer" && (
          <a
            href={fileUrl(token, item, "download")}
            download
            className="rounded px-3 py-2 text-center font-medium text-white"
            style={{ background: accent }}
            data-testid="guest-download"
          >
            Download {album.downloadSize === "web" && item.media === "image" ? "(web size)" : ""}
          </a>
        )}
        <ReviewPanel
          calls={guestReviewCalls(token, item)}
          item={item}
          allowReview={album.allowReview}
          state={reviews.states[item.subjectId] ?? null}
          comments={comments}
          pin={pin}
          onClearPin={() => setPin(null)}
          videoTime={() => (item.media === "video" ? (video.current?.currentTime ?? null) : null)}
          onSeek={(t) => {
            if (video.current) video.current.currentTime = t;
          }}
          onReviewed={onReviewed}
          formatTime={formatPinTime}
        />
      </aside>
    </div>
  );
}

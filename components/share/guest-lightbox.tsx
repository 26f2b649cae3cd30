"use client";

import { useEffect, useRef, useState } from "react";
import { formatPinTime, pinFromPoint } from "@/lib/albums/pin-geometry";
import type { GuestAlbum } from "@/lib/albums/guest-album";
import { fileUrl, type GuestReviews } from "./guest-album-view";
import { GuestReviewPanel } from "./guest-review-panel";

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
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = (e.target as HTMLElement | null)?.closest("input, textarea, select");
      if (e.key === "Escape") onClose();
      else if (typing) return;
      else if (e.key === "ArrowRight") onIndex((index + 1) % count);
      else if (e.key === "ArrowLeft") onIndex((index - 1 + count) % count);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [index, count, onIndex, onClose]);

  const comments = reviews.comments.filter((c) => c.subjectId === item.subjectId);
  const pins = comments.filter((c) => c.pin && !c.parentId && !c.resolved);

  function placePin(e: React.MouseEvent<HTMLImageElement>) {
    if (!album.allowReview || !item.width || !item.height) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const size = { width: rect.width, height: rect.height };
    setPin(pinFromPoint({ x: e.clientX - rect.left, y: e.clientY - rect.top }, size, size));
  }

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-label={`${item.title} ${item.label}, ${index + 1} of ${count}`}
      tabIndex={-1}
      className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-black/95 text-white outline-none lg:flex-row lg:overflow-hidden"
      data-testid="guest-lightbox"
    >
      <div className="relative flex flex-1 items-center justify-center p-4 lg:min-h-0">
        {item.media === "image" && (
          // The wrapper hugs the picture, so pins placed in % of it land on the same spot of the picture at any size.
          <div className="relative inline-block max-w-full">
            {/* eslint-disable-next-line @next/next/no-img-element -- served by this link's own route */}
            <img
              src={fileUrl(token, item, "view")}
              alt={`${item.title} ${item.label}`}
              className={`block max-h-[60vh] max-w-full lg:max-h-[85vh] ${album.allowReview ? "cursor-crosshair" : ""}`}
              onClick={placePin}
              data-testid="guest-view-image"
            />
            {[
              ...pins.map((c, i) => ({ key: c.id, p: c.pin!, label: String(i + 1) })),
              ...(pin ? [{ key: "new", p: pin, label: "+" }] : []),
            ].map(({ key, p, label }) => (
              <span
                key={key}
                className="pointer-events-none absolute flex h-6 w-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white text-xs font-bold shadow"
                style={{ left: `${p.x * 100}%`, top: `${p.y * 100}%`, background: accent }}
                data-testid="comment-pin"
              >
                {label}
              </span>
            ))}
          </div>
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
        <GuestReviewPanel
          token={token}
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

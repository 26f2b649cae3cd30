"use client";

import { useEffect, useRef, useState } from "react";
import { PinnedImage } from "@/components/review/pinned-image";
import { memberReviewCalls } from "@/components/review/review-calls";
import { ReviewPanel } from "@/components/review/review-panel";
import { useInertOutside } from "@/components/review/use-inert-outside";
import { useLightboxKeys } from "@/components/review/use-lightbox-keys";
import type { AlbumItem } from "@/lib/albums/album-items";
import { formatPinTime, type Point } from "@/lib/albums/pin-geometry";
import type { ReviewComment } from "@/lib/albums/review-service";
import type { ReviewStateOf } from "@/lib/albums/review-states";

export type MemberReviews = { states: Record<string, ReviewStateOf>; comments: ReviewComment[] };

type Props = {
  albumId: string;
  items: AlbumItem[];
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
  canReview: boolean;
  /** Null while loading; the load's error, if any, is shown in place of the panel. */
  reviews: MemberReviews | null;
  loadError: string | null;
  onReviewed: () => Promise<void>;
};

const ACCENT = "#4f46e5";
const fileOf = (item: AlbumItem, query = "") => `/api/renders/outputs/${item.subjectId}/file${query}`;

/**
 * The album's items full screen for members, with the same review panel and pins guests have on /s/<token>: a
 * comment pinned to a point of a still or to a video's time, replies, resolve, Approved / Changes requested.
 * Members without reviews.write see everything and change nothing.
 */
export function AlbumReviewLightbox(props: Props) {
  const { albumId, items, index, onIndex, onClose, canReview, reviews } = props;
  const item = items[index];
  const count = items.length;
  const dialog = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [pin, setPin] = useState<Point | null>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => previous?.focus();
  }, []);
  useEffect(() => setPin(null), [index]);
  useLightboxKeys(dialog, index, count, onIndex, onClose);
  useInertOutside(dialog);

  const comments = reviews?.comments.filter((c) => c.subjectId === item.subjectId) ?? [];
  const pins = comments.filter((c) => c.pin && !c.parentId && !c.resolved).map((c) => c.pin!);
  const name = `${item.title} ${item.label}`;

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-label={`Review ${name}, ${index + 1} of ${count}`}
      tabIndex={-1}
      // The page lays its sections out with space-y margins; a fixed full-screen dialog must not take one.
      style={{ margin: 0 }}
      className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-neutral-950 text-white outline-none lg:flex-row lg:overflow-hidden"
      data-testid="album-review"
    >
      <div className="relative flex flex-1 items-center justify-center p-4 lg:min-h-0">
        {!item.ready ? (
          <p className="text-white/70">This render is not ready yet.</p>
        ) : item.media === "image" ? (
          <PinnedImage
            src={fileOf(item)}
            alt={name}
            pins={pins}
            pending={pin}
            onPlace={canReview ? setPin : undefined}
            accent={ACCENT}
            testId="album-review-image"
          />
        ) : item.media === "video" ? (
          <video
            ref={video}
            key={item.id}
            src={fileOf(item)}
            poster={fileOf(item, "?poster=1")}
            controls
            playsInline
            className="max-h-[60vh] max-w-full lg:max-h-[85vh]"
            data-testid="album-review-video"
          />
        ) : (
          <p className="max-w-sm text-center text-white/70">
            A published 3D viewer. Comments and decisions here are about the viewer as a whole.
          </p>
        )}
      </div>
      <aside className="flex w-full shrink-0 flex-col gap-3 overflow-y-auto bg-neutral-900 p-4 text-sm lg:w-80">
        <div className="flex items-center justify-between gap-2">
          <p className="font-medium">
            {index + 1} / {count} · {name}
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
        {count > 1 && (
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
        )}
        {props.loadError ? (
          <p role="alert" className="text-red-300">
            {props.loadError}
          </p>
        ) : !reviews ? (
          <p className="text-white/70" role="status">
            Loading comments…
          </p>
        ) : (
          <ReviewPanel
            calls={memberReviewCalls(albumId, item)}
            item={item}
            allowReview={canReview}
            state={reviews.states[item.subjectId] ?? null}
            comments={comments}
            pin={pin}
            onClearPin={() => setPin(null)}
            videoTime={() => (item.media === "video" ? (video.current?.currentTime ?? null) : null)}
            onSeek={(t) => {
              if (video.current) video.current.currentTime = t;
            }}
            onReviewed={props.onReviewed}
            formatTime={formatPinTime}
          />
        )}
      </aside>
    </div>
  );
}

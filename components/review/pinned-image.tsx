"use client";

import { pinFromPoint, type Point } from "@/lib/albums/pin-geometry";

type Props = {
  src: string;
  alt: string;
  /** The open pinned threads, numbered in this order. */
  pins: Point[];
  /** The point being marked for a new comment. */
  pending: Point | null;
  /** Set or clear the pending point; absent when this viewer may not comment. */
  onPlace?: (pin: Point) => void;
  accent: string;
  testId: string;
};

const STEP = 0.02;
const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1e4) / 1e4;

/**
 * A picture with its comment pins. The wrapper hugs the picture, so pins placed and drawn in % of it land on the
 * same spot of the picture at any window size. With a mouse, a click marks a point; with the keyboard, Enter marks
 * the centre and the arrow keys move the mark (Shift for bigger steps).
 */
export function PinnedImage({ src, alt, pins, pending, onPlace, accent, testId }: Props) {
  function click(e: React.MouseEvent<HTMLImageElement>) {
    if (!onPlace) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const size = { width: rect.width, height: rect.height };
    const pin = pinFromPoint({ x: e.clientX - rect.left, y: e.clientY - rect.top }, size, size);
    if (pin) onPlace(pin);
  }
  function key(e: React.KeyboardEvent<HTMLDivElement>) {
    if (!onPlace) return;
    const step = e.shiftKey ? STEP * 5 : STEP;
    const at = pending ?? { x: 0.5, y: 0.5 };
    const moves: Record<string, Point> = {
      Enter: at,
      " ": at,
      ArrowLeft: { x: at.x - step, y: at.y },
      ArrowRight: { x: at.x + step, y: at.y },
      ArrowUp: { x: at.x, y: at.y - step },
      ArrowDown: { x: at.x, y: at.y + step },
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    onPlace({ x: clamp(next.x), y: clamp(next.y) });
  }

  const marks = [
    ...pins.map((p, i) => ({ key: `pin-${i}`, p, label: String(i + 1) })),
    ...(pending ? [{ key: "new", p: pending, label: "+" }] : []),
  ];
  return (
    <div
      className="relative inline-block max-w-full rounded outline-none focus-visible:ring-2 focus-visible:ring-white"
      {...(onPlace
        ? {
            tabIndex: 0,
            role: "group",
            "aria-label": `${alt}. To comment on a point, press Enter to mark the centre, then move the mark with the arrow keys.`,
            "data-own-keys": true,
            onKeyDown: key,
          }
        : {})}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- a private file from this server, no optimiser */}
      <img
        src={src}
        alt={alt}
        className={`block max-h-[60vh] max-w-full lg:max-h-[85vh] ${onPlace ? "cursor-crosshair" : ""}`}
        onClick={click}
        data-testid={testId}
      />
      {marks.map(({ key: k, p, label }) => (
        <span
          key={k}
          aria-hidden
          className="pointer-events-none absolute flex h-6 w-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white text-xs font-bold text-white shadow"
          style={{ left: `${p.x * 100}%`, top: `${p.y * 100}%`, background: accent }}
          data-testid={label === "+" ? "new-comment-pin" : "comment-pin"}
        >
          {label}
        </span>
      ))}
    </div>
  );
}

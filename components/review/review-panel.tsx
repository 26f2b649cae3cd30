"use client";

import { useState } from "react";
import type { AlbumItem } from "@/lib/albums/album-items";
import type { ReviewComment } from "@/lib/albums/review-service";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { useSubmit } from "@/lib/client/use-submit";
import type { ReviewCalls } from "./review-calls";

type Props = {
  calls: ReviewCalls;
  item: AlbumItem;
  allowReview: boolean;
  state: ReviewStateOf | null;
  comments: ReviewComment[];
  pin: { x: number; y: number } | null;
  onClearPin: () => void;
  videoTime: () => number | null;
  onSeek: (t: number) => void;
  onReviewed: () => Promise<void>;
  formatTime: (s: number) => string;
};

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * Approve / Request changes, and comment threads (pinned to a point or a video time) with replies and resolve, each
 * with who and when. The same panel for guests of a share link and for members: only `calls` differ.
 */
export function ReviewPanel(props: Props) {
  const { calls, item, allowReview, state, comments, pin } = props;
  const [body, setBody] = useState("");
  const [atTime, setAtTime] = useState(false);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const { pendingKey, error, run } = useSubmit();
  const threads = comments.filter((c) => !c.parentId);
  const pinned = threads.filter((c) => c.pin && !c.resolved);

  async function after(result: { ok: boolean }) {
    if (result.ok) await props.onReviewed();
    return result.ok;
  }
  async function decide(next: "approved" | "changes_requested") {
    await after(await run(() => calls.decide(next), { key: next }));
  }
  async function send(e: React.FormEvent) {
    e.preventDefault();
    const time = atTime ? props.videoTime() : null;
    const payload = {
      body,
      ...(replyTo ? { parentId: replyTo } : {}),
      ...(!replyTo && pin ? { pin } : {}),
      ...(!replyTo && time !== null ? { time } : {}),
    };
    const ok = await after(await run(() => calls.comment(payload), { key: "comment" }));
    if (ok) {
      setBody("");
      setReplyTo(null);
      props.onClearPin();
    }
  }
  async function resolve(id: string, resolved: boolean) {
    await after(await run(() => calls.resolve(id, resolved), { key: id }));
  }

  return (
    <div className="space-y-3">
      <p data-testid="review-item-state">
        {state
          ? `${state.state === "approved" ? "Approved" : "Changes requested"} by ${state.by}, ${when(state.at)}`
          : "Not reviewed yet"}
      </p>
      {allowReview && (
        <div className="flex gap-2">
          <button
            type="button"
            disabled={pendingKey !== null}
            onClick={() => decide("approved")}
            className="flex-1 rounded bg-emerald-600 px-3 py-1.5 font-medium hover:bg-emerald-500"
          >
            Approve
          </button>
          <button
            type="button"
            disabled={pendingKey !== null}
            onClick={() => decide("changes_requested")}
            className="flex-1 rounded bg-amber-600 px-3 py-1.5 font-medium hover:bg-amber-500"
          >
            Request changes
          </button>
        </div>
      )}
      {threads.length > 0 && (
        <ol className="space-y-2" data-testid="review-comments">
          {threads.map((c) => (
            <li key={c.id} className={`rounded bg-white/5 p-2 ${c.resolved ? "opacity-60" : ""}`}>
              <p className="text-xs text-white/70">
                {c.pin && !c.resolved ? `#${pinned.indexOf(c) + 1} · ` : ""}
                {c.author}, <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
                {c.time !== null && (
                  <>
                    {" · "}
                    <button type="button" className="underline" onClick={() => props.onSeek(c.time!)}>
                      at {props.formatTime(c.time)}
                    </button>
                  </>
                )}
                {c.resolved ? " · resolved" : ""}
              </p>
              <p className="whitespace-pre-wrap">{c.body}</p>
              {comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <p key={r.id} className="mt-1 border-l border-white/20 pl-2">
                    <span className="text-xs text-white/70">
                      {r.author}, <time dateTime={r.createdAt}>{when(r.createdAt)}</time>:{" "}
                    </span>
                    {r.body}
                  </p>
                ))}
              {allowReview && (
                <div className="mt-1 flex gap-3 text-xs">
                  <button
                    type="button"
                    className="underline"
                    onClick={() => {
                      setReplyTo(c.id);
                      document.getElementById("review-comment")?.focus();
                    }}
                    aria-label={`Reply to ${c.author}`}
                  >
                    Reply
                  </button>
                  <button
                    type="button"
                    className="underline"
                    disabled={pendingKey !== null}
                    onClick={() => resolve(c.id, !c.resolved)}
                    aria-label={`${c.resolved ? "Reopen" : "Resolve"} the comment by ${c.author}`}
                  >
                    {c.resolved ? "Reopen" : "Resolve"}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {allowReview && (
        <form onSubmit={send} className="space-y-2">
          <label htmlFor="review-comment" className="block text-xs text-white/70">
            {replyTo
              ? `Reply to ${comments.find((c) => c.id === replyTo)?.author ?? "the comment"}`
              : pin
                ? "Comment on the marked point"
                : item.media === "image"
                  ? "Comment (click the picture, or focus it and press Enter, to mark a point)"
                  : "Comment"}
          </label>
          <textarea
            id="review-comment"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={3}
            maxLength={2000}
            className="w-full rounded bg-white p-2 text-sm text-black"
          />
          {item.media === "video" && !replyTo && (
            <label className="flex items-center gap-2 text-xs">
              <input type="checkbox" checked={atTime} onChange={(e) => setAtTime(e.target.checked)} />
              At the video&apos;s current time
            </label>
          )}
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={pendingKey !== null || !body.trim()}
              className="rounded bg-white px-3 py-1.5 font-medium text-black"
            >
              Post
            </button>
            {(replyTo || pin) && (
              <button
                type="button"
                className="underline"
                onClick={() => {
                  setReplyTo(null);
                  props.onClearPin();
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-red-300">
          {error.message}
        </p>
      )}
    </div>
  );
}

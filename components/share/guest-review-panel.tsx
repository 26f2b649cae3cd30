"use client";

import { useState } from "react";
import type { AlbumItem } from "@/lib/albums/album-items";
import type { ReviewComment } from "@/lib/albums/review-service";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

type Props = {
  token: string;
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

/** Approve / Request changes, and comment threads (pinned to a point or a video time) with replies and resolve. */
export function GuestReviewPanel(props: Props) {
  const { token, item, allowReview, state, comments, pin } = props;
  const [body, setBody] = useState("");
  const [atTime, setAtTime] = useState(false);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const { pendingKey, error, run } = useSubmit();
  const base = `/api/s/${token}`;
  const threads = comments.filter((c) => !c.parentId);
  const pinned = threads.filter((c) => c.pin && !c.resolved);

  async function after(result: { ok: boolean }) {
    if (result.ok) await props.onReviewed();
    return result.ok;
  }
  async function decide(next: "approved" | "changes_requested") {
    await after(
      await run(() => api.post(`${base}/items/${item.id}/decision`, { state: next }, { fallback: "Could not save." }), {
        key: next,
      }),
    );
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
    const ok = await after(
      await run(() => api.post(`${base}/items/${item.id}/comments`, payload, { fallback: "Could not post." }), {
        key: "comment",
      }),
    );
    if (ok) {
      setBody("");
      setReplyTo(null);
      props.onClearPin();
    }
  }
  async function resolve(id: string, resolved: boolean) {
    await after(
      await run(() => api.patch(`${base}/comments/${id}`, { resolved }, { fallback: "Could not save." }), { key: id }),
    );
  }

  return (
    <div className="space-y-3">
      <p data-testid="guest-item-state">
        {state
          ? `${state.state === "approved" ? "Approved" : "Changes requested"} by ${state.by}, ${new Date(state.at).toLocaleString()}`
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
        <ol className="space-y-2" data-testid="guest-comments">
          {threads.map((c) => (
            <li key={c.id} className={`rounded bg-white/5 p-2 ${c.resolved ? "opacity-60" : ""}`}>
              <p className="text-xs text-white/70">
                {c.pin && !c.resolved ? `#${pinned.indexOf(c) + 1} · ` : ""}
                {c.author}
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
                    <span className="text-xs text-white/70">{r.author}: </span>
                    {r.body}
                  </p>
                ))}
              {allowReview && (
                <div className="mt-1 flex gap-3 text-xs">
                  <button type="button" className="underline" onClick={() => setReplyTo(c.id)}>
                    Reply
                  </button>
                  <button type="button" className="underline" onClick={() => resolve(c.id, !c.resolved)}>
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
          <label htmlFor="guest-comment" className="block text-xs text-white/70">
            {replyTo
              ? "Reply"
              : pin
                ? "Comment on the marked point"
                : item.media === "image"
                  ? "Comment (click the picture to mark a point)"
                  : "Comment"}
          </label>
          <textarea
            id="guest-comment"
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

import type { AlbumItem } from "@/lib/albums/album-items";
import { api, type ApiResult } from "@/lib/client/api";

/** A new comment as the review API takes it: a reply names its thread, a thread may be pinned to a point or a time. */
export type CommentPayload = {
  body: string;
  parentId?: string;
  pin?: { x: number; y: number };
  time?: number;
};

/**
 * How the one review panel reaches the one review API for one item. Guests go through their link's routes, members
 * through the workspace routes; both end in lib/albums/review-service, so the panel never knows who is calling.
 */
export type ReviewCalls = {
  decide: (state: "approved" | "changes_requested") => Promise<ApiResult<unknown>>;
  comment: (payload: CommentPayload) => Promise<ApiResult<unknown>>;
  resolve: (commentId: string, resolved: boolean) => Promise<ApiResult<unknown>>;
};

export function guestReviewCalls(token: string, item: AlbumItem): ReviewCalls {
  const base = `/api/s/${token}`;
  return {
    decide: (state) => api.post(`${base}/items/${item.id}/decision`, { state }, { fallback: "Could not save." }),
    comment: (payload) => api.post(`${base}/items/${item.id}/comments`, payload, { fallback: "Could not post." }),
    resolve: (id, resolved) => api.patch(`${base}/comments/${id}`, { resolved }, { fallback: "Could not save." }),
  };
}

export function memberReviewCalls(albumId: string, item: AlbumItem): ReviewCalls {
  const subject = { [item.kind === "viewer" ? "viewerId" : "outputId"]: item.subjectId, albumId };
  return {
    decide: (state) =>
      api.post("/api/reviews/decisions", { ...subject, state }, { fallback: "Could not save the decision." }),
    comment: (payload) =>
      api.post("/api/reviews/comments", { ...subject, ...payload }, { fallback: "Could not post the comment." }),
    resolve: (id, resolved) =>
      api.patch(`/api/reviews/comments/${id}`, { resolved }, { fallback: "Could not save the comment." }),
  };
}

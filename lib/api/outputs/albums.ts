import { z } from "zod";

/** Album, share-link and review answers (lib/albums/*): no token ever, except the one answer that makes a link. */
const reviewState = z.enum(["approved", "changes_requested"]);

export const albumItemOutput = z
  .object({
    id: z.string(),
    kind: z.enum(["output", "viewer"]),
    subjectId: z.string(),
    media: z.enum(["image", "video", "viewer"]),
    title: z.string(),
    label: z.string(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    fileName: z.string().nullable(),
    position: z.number(),
    ready: z.boolean(),
  })
  .strict();

const reviewSummary = z.object({ approved: z.number(), changesRequested: z.number(), total: z.number() }).strict();

export const albumSummaryOutput = z
  .object({
    id: z.string(),
    title: z.string(),
    itemCount: z.number(),
    cover: albumItemOutput.nullable(),
    review: reviewSummary,
    createdAt: z.string(),
  })
  .strict();

export const albumDetailOutput = albumSummaryOutput
  .extend({
    coverItemId: z.string().nullable(),
    items: z.array(albumItemOutput.extend({ state: reviewState.nullable() }).strict()),
  })
  .strict();

export const albumListOutput = z.array(albumSummaryOutput);

export const shareLinkOutput = z
  .object({
    id: z.string(),
    albumId: z.string(),
    albumTitle: z.string(),
    tokenHint: z.string().length(4),
    guestEmail: z.string().nullable(),
    expiresAt: z.string().nullable(),
    hasPassword: z.boolean(),
    allowDownloads: z.boolean(),
    downloadSize: z.enum(["original", "web"]),
    allowReview: z.boolean(),
    createdAt: z.string(),
  })
  .strict();
export const shareLinkListOutput = z.array(shareLinkOutput);
/** The one answer that carries the link itself (/s/<token>): right after making it. */
export const createdShareLinkOutput = z
  .object({ link: shareLinkOutput, path: z.string().regex(/^\/s\/[A-Za-z0-9_-]{43}$/) })
  .strict();
/** Invitations: the guests' links went by mail only; `mailed` false when this server cannot send mail. */
export const invitesOutput = z.array(z.object({ link: shareLinkOutput, mailed: z.boolean() }).strict());

export const albumActivityOutput = z.array(
  z
    .object({ kind: z.enum(["view", "download"]), who: z.string(), itemId: z.string().nullable(), at: z.string() })
    .strict(),
);

export const reviewCommentOutput = z
  .object({
    id: z.string(),
    subjectId: z.string(),
    parentId: z.string().nullable(),
    author: z.string(),
    body: z.string(),
    pin: z.object({ x: z.number(), y: z.number() }).nullable(),
    time: z.number().nullable(),
    resolved: z.boolean(),
    createdAt: z.string(),
  })
  .strict();

export const reviewStateOutput = z.object({ state: reviewState, by: z.string(), at: z.string() }).strict();
export const decisionOutput = reviewStateOutput.extend({ subjectId: z.string() }).strict();
export const reviewsOutput = z
  .object({ states: z.record(z.string(), reviewStateOutput), comments: z.array(reviewCommentOutput) })
  .strict();
export const deletedIdOutput = z.object({ id: z.string() }).strict();

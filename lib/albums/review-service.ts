import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { assertCan, type MemberCaller, type ShareLinkCaller, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import {
  albumItems,
  albumLinks,
  albums,
  memberships,
  renderOutputs,
  reviewComments,
  reviewDecisions,
  users,
  viewers,
  type AlbumItemKind,
  type ReviewCommentRow,
  type ReviewState,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { queueReviewNotifications } from "./review-notifications";

/** Who comments or decides: a signed-in member, or a guest through a share link that allows review. */
export type ReviewActor = MemberCaller | ShareLinkCaller;
/** What a review is about: one output or viewer, and the album it was seen in (for guests always theirs). */
export type ReviewTarget = { subjectKind: AlbumItemKind; subjectId: string; albumId: string | null };

const unit = z.number().min(0, "Pins lie inside the picture.").max(1, "Pins lie inside the picture.");
export const commentSchema = z
  .object({
    body: z.string().trim().min(1, "Write a comment.").max(2000, "At most 2,000 characters."),
    /** A point of the picture, as fractions of its width and height (0-1): it holds at every size. */
    pin: z.object({ x: unit, y: unit }).strict().optional(),
    /** A moment of a video, in seconds. */
    time: z.number().min(0).max(3600).optional(),
    parentId: z.string().max(100).optional(),
  })
  .strict();
export const decisionSchema = z.object({ state: z.enum(["approved", "changes_requested"]) }).strict();

export type ReviewComment = {
  id: string;
  subjectId: string;
  parentId: string | null;
  author: string;
  body: string;
  pin: { x: number; y: number } | null;
  time: number | null;
  resolved: boolean;
  createdAt: string;
};

function toComment(r: ReviewCommentRow): ReviewComment {
  return {
    id: r.id,
    subjectId: r.subjectId,
    parentId: r.parentId,
    author: r.authorName,
    body: r.body,
    pin: r.pinX !== null && r.pinY !== null ? { x: r.pinX, y: r.pinY } : null,
    time: r.pinTime,
    resolved: Boolean(r.resolvedAt),
    createdAt: r.createdAt.toISOString(),
  };
}

/** A member names an output or viewer of their own workspace (another workspace's id is 404). */
export async function memberTarget(
  db: Database,
  caller: WorkspaceCaller,
  input: { outputId?: string; viewerId?: string; albumId?: string },
): Promise<ReviewTarget> {
  const albumId = input.albumId ?? null;
  if (albumId) {
    const [a] = await db
      .select({ id: albums.id })
      .from(albums)
      .where(and(eq(albums.workspaceId, caller.workspaceId), eq(albums.id, albumId)));
    if (!a) throw notFound("Album");
  }
  if (input.outputId) {
    const [o] = await db
      .select({ id: renderOutputs.id })
      .from(renderOutputs)
      .where(and(eq(renderOutputs.workspaceId, caller.workspaceId), eq(renderOutputs.id, input.outputId)));
    if (!o) throw notFound("Render");
    return { subjectKind: "output", subjectId: o.id, albumId };
  }
  if (input.viewerId) {
    const [v] = await db
      .select({ id: viewers.id })
      .from(viewers)
      .where(and(eq(viewers.workspaceId, caller.workspaceId), eq(viewers.id, input.viewerId)));
    if (!v) throw notFound("Viewer");
    return { subjectKind: "viewer", subjectId: v.id, albumId };
  }
  throw new AppError("unprocessable", "Name the render or viewer.");
}

/** A guest names an item of their own album; anything else is 404. */
export async function guestTarget(db: Database, caller: ShareLinkCaller, itemId: string): Promise<ReviewTarget> {
  const [item] = await db
    .select()
    .from(albumItems)
    .where(
      and(
        eq(albumItems.id, itemId),
        eq(albumItems.albumId, caller.albumId),
        eq(albumItems.workspaceId, caller.workspaceId),
      ),
    );
  if (!item) throw notFound("Item");
  return { subjectKind: item.kind, subjectId: (item.outputId ?? item.viewerId)!, albumId: caller.albumId };
}

type Author = { userId: string | null; linkId: string | null; name: string; email: string | null };

async function authorOf(db: Database, actor: ReviewActor): Promise<Author> {
  if (actor.kind === "share_link") {
    assertCan(actor, "share.review");
    const [link] = await db.select().from(albumLinks).where(eq(albumLinks.id, actor.linkId));
    return { userId: null, linkId: actor.linkId, name: actor.guestName ?? "Guest", email: link?.guestEmail ?? null };
  }
  assertCan(actor, "reviews.write");
  const [user] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  return {
    userId: actor.userId,
    linkId: null,
    name: user?.name || user?.email || "Member",
    email: user?.email ?? null,
  };
}

/**
 * Who hears about a review: the workspace's members and the album's named guests who may review, but not the
 * person who wrote it.
 */
async function recipientsOf(db: Database, workspaceId: string, albumId: string | null, author: Author) {
  const members = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), author.userId ? ne(users.id, author.userId) : undefined));
  const guests = albumId
    ? await db
        .select({ email: albumLinks.guestEmail })
        .from(albumLinks)
        .where(
          and(
            eq(albumLinks.albumId, albumId),
            eq(albumLinks.allowReview, true),
            isNull(albumLinks.revokedAt),
            author.linkId ? ne(albumLinks.id, author.linkId) : undefined,
          ),
        )
    : [];
  const emails = [...members, ...guests].map((r) => r.email).filter((e): e is string => Boolean(e));
  return [...new Set(emails)].filter((e) => e !== author.email);
}

export async function addComment(db: Database, actor: ReviewActor, target: ReviewTarget, raw: unknown) {
  const input = commentSchema.parse(raw);
  const author = await authorOf(db, actor);
  if (input.parentId) {
    const [parent] = await db
      .select({ id: reviewComments.id, parentId: reviewComments.parentId })
      .from(reviewComments)
      .where(
        and(
          eq(reviewComments.id, input.parentId),
          eq(reviewComments.workspaceId, actor.workspaceId),
          eq(reviewComments.subjectId, target.subjectId),
        ),
      );
    if (!parent) throw notFound("Comment");
    if (parent.parentId) throw new AppError("unprocessable", "Reply to the first comment of the thread.");
  }
  const recipients = await recipientsOf(db, actor.workspaceId, target.albumId, author);
  return withJobTransaction(async (tx, enqueue) => {
    const [row] = await tx
      .insert(reviewComments)
      .values({
        id: newId("cmt"),
        workspaceId: actor.workspaceId,
        subjectKind: target.subjectKind,
        subjectId: target.subjectId,
        albumId: target.albumId,
        parentId: input.parentId ?? null,
        authorUserId: author.userId,
        authorLinkId: author.linkId,
        authorName: author.name,
        body: input.body,
        pinX: input.parentId ? null : (input.pin?.x ?? null),
        pinY: input.parentId ? null : (input.pin?.y ?? null),
        pinTime: input.parentId ? null : (input.time ?? null),
      })
      .returning();
    const verb = input.parentId ? "replied" : "commented";
    const excerpt = input.body.length > 140 ? `${input.body.slice(0, 140)}…` : input.body;
    await queueReviewNotifications(tx, enqueue, {
      workspaceId: actor.workspaceId,
      albumId: target.albumId,
      recipients,
      line: `${author.name} ${verb}: "${excerpt}"`,
    });
    return toComment(row);
  });
}

export async function listComments(db: Database, workspaceId: string, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.workspaceId, workspaceId), inArray(reviewComments.subjectId, subjectIds)))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
  return rows.map(toComment);
}

/**
 * Resolves (or reopens) a thread. A guest may only touch comments on their own album's items; a member any comment
 * of the workspace.
 */
export async function setCommentResolved(db: Database, actor: ReviewActor, commentId: string, resolved: boolean) {
  const author = await authorOf(db, actor);
  const [comment] = await db
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.workspaceId, actor.workspaceId)));
  if (!comment) throw notFound("Comment");
  if (actor.kind === "share_link") {
    const [item] = await db
      .select({ id: albumItems.id })
      .from(albumItems)
      .where(
        and(
          eq(albumItems.albumId, actor.albumId),
          comment.subjectKind === "output"
            ? eq(albumItems.outputId, comment.subjectId)
            : eq(albumItems.viewerId, comment.subjectId),
        ),
      );
    if (!item) throw notFound("Comment");
  }
  const [row] = await db
    .update(reviewComments)
    .set(resolved ? { resolvedAt: new Date(), resolvedBy: author.name } : { resolvedAt: null, resolvedBy: null })
    .where(eq(reviewComments.id, comment.id))
    .returning();
  return toComment(row);
}

const STATE_TEXT: Record<ReviewState, string> = { approved: "approved", changes_requested: "requested changes on" };

/** Approved / Changes requested, recorded with who and when; the newest decision is the item's state. */
export async function decide(db: Database, actor: ReviewActor, target: ReviewTarget, raw: unknown) {
  const { state } = decisionSchema.parse(raw);
  const author = await authorOf(db, actor);
  const recipients = await recipientsOf(db, actor.workspaceId, target.albumId, author);
  return withJobTransaction(async (tx, enqueue) => {
    const [row] = await tx
      .insert(reviewDecisions)
      .values({
        id: newId("dec"),
        workspaceId: actor.workspaceId,
        subjectKind: target.subjectKind,
        subjectId: target.subjectId,
        albumId: target.albumId,
        state,
        decidedByUserId: author.userId,
        decidedByLinkId: author.linkId,
        decidedByName: author.name,
      })
      .returning();
    await queueReviewNotifications(tx, enqueue, {
      workspaceId: actor.workspaceId,
      albumId: target.albumId,
      recipients,
      line: `${author.name} ${STATE_TEXT[state]} an item.`,
    });
    return { subjectId: row.subjectId, state: row.state, by: row.decidedByName, at: row.createdAt.toISOString() };
  });
}

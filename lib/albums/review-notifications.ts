import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { albums, reviewNotifications } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { Enqueue } from "@/lib/jobs/job-transaction";
import { sendMail } from "@/lib/mail/send-mail";

/** How long a digest waits for more of a burst before it is mailed. */
export const REVIEW_DIGEST_DELAY_S = 180;

/**
 * One line per recipient, and a digest job per recipient that waits REVIEW_DIGEST_DELAY_S: the queue keeps one
 * waiting job per recipient (singleton key, "stately"), so a burst of comments queues one job and becomes one mail.
 */
export async function queueReviewNotifications(
  tx: Database,
  enqueue: Enqueue,
  note: { workspaceId: string; albumId: string | null; recipients: string[]; line: string },
) {
  if (note.recipients.length === 0) return;
  await tx.insert(reviewNotifications).values(
    note.recipients.map((recipientEmail) => ({
      id: newId("rvn"),
      workspaceId: note.workspaceId,
      albumId: note.albumId,
      recipientEmail,
      line: note.line,
    })),
  );
  for (const email of note.recipients) {
    await enqueue("review-digest", { email }, { startAfter: REVIEW_DIGEST_DELAY_S });
  }
}

/**
 * Mails a recipient every line still unsent, in one mail, and marks them sent in the same transaction (a failed send
 * leaves them for the retry). Lines another digest is sending are skipped, never sent twice. Returns how many.
 */
export async function sendReviewDigest(db: Database, email: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: reviewNotifications.id, line: reviewNotifications.line, albumTitle: albums.title })
      .from(reviewNotifications)
      .leftJoin(albums, eq(albums.id, reviewNotifications.albumId))
      .where(and(eq(reviewNotifications.recipientEmail, email), isNull(reviewNotifications.sentAt)))
      .orderBy(asc(reviewNotifications.createdAt))
      .for("update", { of: reviewNotifications, skipLocked: true });
    if (rows.length === 0) return 0;
    const lines = rows.map((r) => `- ${r.albumTitle ? `[${r.albumTitle}] ` : ""}${r.line}`);
    await sendMail(tx, {
      to: email,
      subject: rows.length === 1 ? "New review activity" : `${rows.length} new review updates`,
      body: [...lines, "", `Open Plinth to reply: ${appUrl()}/albums`].join("\n"),
    });
    await tx
      .update(reviewNotifications)
      .set({ sentAt: new Date() })
      .where(
        inArray(
          reviewNotifications.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.length;
  });
}

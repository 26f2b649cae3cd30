import { z } from "zod";
import type { BatchCursor } from "@/lib/db/queries/renders";
import { isWellFormedId } from "@/lib/validation/safe-text";

/**
 * The renders list's "Load more" cursor as the client holds it: opaque (base64url of the last batch's exact
 * created_at and id), checked on the way back in so a tampered one is a clear 422, never a query error.
 */
const cursorSchema = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.string().max(64).refine(isWellFormedId),
});

export function encodeRendersCursor(cursor: BatchCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.createdAt, id: cursor.id })).toString("base64url");
}

export const rendersCursorParam = z
  .string()
  .max(200)
  .transform((text, ctx): BatchCursor => {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    } catch {
      /* reported below */
    }
    const result = cursorSchema.safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: "custom", message: "This list position is not valid. Reload the page." });
      return z.NEVER;
    }
    return { createdAt: result.data.t, id: result.data.id };
  });

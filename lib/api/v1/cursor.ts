import { z } from "zod";
import { ApiV1Error } from "./errors";

/** A keyset position: the last item's exact created_at (microseconds, as Postgres keeps it) and id. */
export type Keyset = { t: string; id: string };

const keysetSchema = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/i),
});

/** Cursors are opaque to clients: base64url of the keyset. */
export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify(k)).toString("base64url");
}

/** A cursor back from a client: a tampered one is a clear 422 on `cursor`, never a query error. */
export function decodeCursor(text: string | undefined): Keyset | null {
  if (text === undefined || text === "") return null;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    /* reported below */
  }
  const result = keysetSchema.safeParse(parsed);
  if (!result.success)
    throw new ApiV1Error("unprocessable", "unprocessable", "Some fields need attention.", {
      cursor: "This cursor is not valid: pass next_cursor from the previous page.",
    });
  return result.data;
}

/** An offset cursor for lists that are not in the database (templates): same opaque form. */
export function offsetCursor(offset: number): string {
  return encodeCursor({ t: "1970-01-01T00:00:00.000000Z", id: `o${offset}` });
}

export function decodeOffset(text: string | undefined): number {
  const k = decodeCursor(text);
  const m = k ? /^o(\d{1,6})$/.exec(k.id) : null;
  if (k && !m)
    throw new ApiV1Error("unprocessable", "unprocessable", "Some fields need attention.", {
      cursor: "This cursor is not valid: pass next_cursor from the previous page.",
    });
  return m ? Number(m[1]) : 0;
}

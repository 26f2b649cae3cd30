import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../index";
import { renderOutputs, type RenderFormat } from "../schema";

/** What a finished video file holds, kept on its output row (the Renders page and the API show it). */
export type VideoDetails = {
  codec: "avc" | "vp9" | "gif";
  container: "mp4" | "webm" | "gif";
  fps: number;
  durationS: number;
  frames: number;
  /** Why the file differs from what was asked (H.264 unavailable: VP9/WebM), or null. */
  fallback: string | null;
  /** The destination preset the file was checked against (lib/renders/video-presets.ts), or null: Custom. */
  preset?: string | null;
};

// ---- Worker side: by output id alone (the worker is trusted; ids come from its own queue). ----

/** Frames drawn so far, while the output is rendering (a retry starts again from 0). */
export async function markVideoProgress(db: Database, outputId: string, framesDone: number): Promise<void> {
  await db
    .update(renderOutputs)
    .set({ framesDone })
    .where(and(eq(renderOutputs.id, outputId), eq(renderOutputs.status, "rendering")));
}

/** Like markDone: false (nothing changed) when the output was deleted or cancelled while it recorded. */
export async function markVideoDone(
  db: Database,
  outputId: string,
  file: {
    key: string;
    bytes: number;
    renderMs: number;
    posterKey: string;
    format: RenderFormat;
    fileName: string;
    details: VideoDetails;
  },
): Promise<boolean> {
  const rows = await db
    .update(renderOutputs)
    .set({
      status: "done",
      fileKey: file.key,
      fileName: file.fileName,
      bytes: file.bytes,
      renderMs: file.renderMs,
      posterKey: file.posterKey,
      format: file.format,
      framesDone: file.details.frames,
      details: file.details,
      finishedAt: new Date(),
      error: null,
    })
    .where(and(eq(renderOutputs.id, outputId), inArray(renderOutputs.status, ["queued", "rendering"])))
    .returning({ id: renderOutputs.id });
  return rows.length > 0;
}

/** Whether the output is still wanted (a deleted batch or a cancelled video stops its recording). */
export async function videoStillWanted(db: Database, outputId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: renderOutputs.status })
    .from(renderOutputs)
    .where(eq(renderOutputs.id, outputId))
    .limit(1);
  return row?.status === "rendering";
}

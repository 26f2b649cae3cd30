import { z } from "zod";
import { renderFormat, renderQuality, renderStatus } from "@/lib/db/schema";
import type { RenderListItem } from "@/lib/renders/render-service";

const renderOutputItem = z.object({
  id: z.string(),
  label: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  status: z.enum(renderStatus.enumValues),
  error: z.string().nullable(),
  fileName: z.string(),
  bytes: z.number().nullable(),
  renderMs: z.number().nullable(),
  url: z.string().nullable(),
  /** Videos only: format, frames drawn of all, poster and what the file holds (null for a still). */
  video: z
    .object({
      format: z.enum(["mp4", "webm", "gif"]),
      framesDone: z.number().int(),
      framesTotal: z.number().int(),
      posterUrl: z.string().nullable(),
      details: z
        .object({
          codec: z.enum(["avc", "vp9", "gif"]),
          container: z.enum(["mp4", "webm", "gif"]),
          fps: z.number(),
          durationS: z.number(),
          frames: z.number().int(),
          fallback: z.string().nullable(),
          preset: z.string().nullable().optional(),
        })
        .nullable(),
    })
    .nullable(),
  /** Studio outputs only: what to say while it path traces, and the samples it reached once done. */
  studio: z.object({ note: z.string().nullable(), samples: z.number().int().nullable() }).optional(),
});

/** One export batch with its outputs, as the Renders page polls it (lib/renders/render-service.ts listRenders). */
export const renderBatchOutput: z.ZodType<RenderListItem> = z.object({
  id: z.string(),
  sceneName: z.string(),
  productName: z.string(),
  format: z.enum(renderFormat.enumValues),
  quality: z.enum(renderQuality.enumValues),
  transparent: z.boolean(),
  createdAt: z.string(),
  outputs: z.array(renderOutputItem),
});

/** GET /api/renders[?before=cursor]: a page of exports, newest first; `nextCursor` is null on the last page. */
export const renderListOutput = z.object({ batches: z.array(renderBatchOutput), nextCursor: z.string().nullable() });
/** POST /api/scenes/:id/export (201): the batch and its outputs' ids, queued. */
export const exportOutput = z.object({ batchId: z.string(), outputIds: z.array(z.string()) });

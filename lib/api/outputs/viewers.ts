import { z } from "zod";
import type { ViewerSummary } from "@/lib/viewers/viewer-types";

/** A published viewer as the product page lists it (lib/viewers/viewer-service.ts toViewerSummary): no token. */
export const viewerSummaryOutput: z.ZodType<ViewerSummary> = z
  .object({
    id: z.string(),
    productId: z.string(),
    sceneId: z.string().nullable(),
    variant: z.string().nullable(),
    autoRotate: z.boolean(),
    tokenHint: z.string().length(4),
    status: z.enum(["processing", "ready", "failed"]),
    error: z.string().nullable(),
    modelBytes: z.number().nullable(),
    sourceBytes: z.number().nullable(),
    usdzBytes: z.number().nullable(),
    viewCount: z.number(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .strict();

export const viewerListOutput = z.object({ viewers: z.array(viewerSummaryOutput) });
/** The one answer that carries the link itself (its path, /v/<token>): right after publishing. */
export const publishedViewerOutput = z.object({
  viewer: viewerSummaryOutput,
  path: z.string().regex(/^\/v\/[A-Za-z0-9_-]{43}$/),
});
export const revokedViewerOutput = z.object({ viewer: viewerSummaryOutput });

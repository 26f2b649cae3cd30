import { z } from "zod";
import { publishedViewerOutput, viewerListOutput } from "@/lib/api/outputs/viewers";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { ROW_ID } from "@/lib/jobs/define-job";
import { listProductViewers, publishViewer } from "@/lib/viewers/viewer-service";

export const runtime = "nodejs";

/** The product's published 3D viewers, newest first (revoked ones too, marked). */
export const GET = workspaceRoute(
  { permission: "products.view", schema: z.object({}), output: viewerListOutput },
  async ({ ctx, params }) => ({ viewers: await listProductViewers(getDb(), ctx, params.productId) }),
);

const publishSchema = z
  .object({
    sceneId: z.string().regex(ROW_ID, "Pick one of your scenes.").optional(),
    autoRotate: z.boolean().optional(),
  })
  .strict();

/** "Publish 3D viewer": the viewer and its model job; the answer carries the link, this once. */
export const POST = workspaceRoute(
  { permission: "viewers.publish", schema: publishSchema, output: publishedViewerOutput, status: 201 },
  async ({ ctx, params, input }) => publishViewer(ctx, { productId: params.productId, ...input }),
);

import { z } from "zod";
import { revokedViewerOutput } from "@/lib/api/outputs/viewers";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { revokeViewer } from "@/lib/viewers/viewer-service";

export const runtime = "nodejs";

/** Revokes a published viewer: its link, page and files answer 404 from the next request on. */
export const DELETE = workspaceRoute(
  { permission: "viewers.publish", schema: z.object({}), output: revokedViewerOutput },
  async ({ ctx, params }) => ({ viewer: await revokeViewer(getDb(), ctx, params.viewerId) }),
);

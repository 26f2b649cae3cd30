import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { cancelVideo } from "@/lib/renders/cancel-video";

/** Stops a video that is queued or rendering and refunds its credits. */
export const POST = workspaceRoute(
  {
    permission: "renders.create",
    schema: z.object({}).strict(),
    output: z.object({ outputId: z.string(), refunded: z.number().int() }),
  },
  async ({ ctx, params }) => cancelVideo(getDb(), ctx.workspace.id, params.outputId),
);

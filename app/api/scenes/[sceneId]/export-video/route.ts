import { z } from "zod";
import { exportOutput } from "@/lib/api/outputs/renders";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { exportVideo } from "@/lib/renders/video-export";

/** The Video tab's Export: one video per ratio with the chosen move, queued for the render workers. */
export const POST = workspaceRoute(
  { permission: "renders.create", schema: z.unknown(), output: exportOutput, status: 201 },
  async ({ input, ctx, params }) => {
    return exportVideo(getDb(), ctx, params.sceneId, input);
  },
);

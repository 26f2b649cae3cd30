import { z } from "zod";
import { exportOutput } from "@/lib/api/outputs/renders";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { exportScene } from "@/lib/renders/render-service";

/** One click on Export: every requested size becomes an output of one batch, queued for the render workers. */
export const POST = workspaceRoute(
  { permission: "renders.create", schema: z.unknown(), output: exportOutput, status: 201 },
  async ({ input, ctx, params }) => {
    return exportScene(getDb(), ctx, params.sceneId, input);
  },
);

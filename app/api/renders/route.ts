import { z } from "zod";
import { renderListOutput } from "@/lib/api/outputs/renders";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listRendersPage } from "@/lib/renders/render-service";
import { rendersCursorParam } from "@/lib/renders/renders-cursor";

export const dynamic = "force-dynamic";

/** A page of the Renders list: the newest exports, or with `?before=<nextCursor>` the ones after that page. */
export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}), output: renderListOutput },
  async ({ ctx, request }) => {
    const before = new URL(request.url).searchParams.get("before");
    return listRendersPage(getDb(), ctx.workspace.id, before === null ? null : rendersCursorParam.parse(before));
  },
);

import { z } from "zod";
import { renderListOutput } from "@/lib/api/outputs/renders";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listRendersPage } from "@/lib/renders/render-service";
import { rendersCursorParam } from "@/lib/renders/renders-cursor";
import { rendersFiltersSchema } from "@/lib/renders/renders-filters";

export const dynamic = "force-dynamic";

/**
 * A page of the Renders list: the newest exports, or with `?before=<nextCursor>` the ones after that page;
 * `?product=`, `?template=` and `?status=` filter it (a bad value is 422). Always the caller's workspace only.
 */
export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}), output: renderListOutput },
  async ({ ctx, request }) => {
    const params = new URL(request.url).searchParams;
    const before = params.get("before");
    const { product, template, status } = rendersFiltersSchema.parse({
      product: params.get("product") ?? undefined,
      template: params.get("template") ?? undefined,
      status: params.get("status") ?? undefined,
    });
    return listRendersPage(
      getDb(),
      ctx.workspace.id,
      before === null ? null : rendersCursorParam.parse(before),
      undefined,
      { productId: product, templateId: template, status },
    );
  },
);

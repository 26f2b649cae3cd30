import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { createRenderV1, listRendersV1 } from "@/lib/api/v1/services/renders";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listRenders, async ({ caller, query }) =>
  listRendersV1(getDb(), caller.workspaceId, query),
);

/** 202: queued, not done; `Location` and `status_url` say where to poll. */
export const POST = apiRoute(ENDPOINTS.createRender, async ({ caller, key, body }) => {
  const render = await createRenderV1(getDb(), caller, key.mode, body);
  return Response.json(ENDPOINTS.createRender.output.parse(render), {
    status: 202,
    headers: { location: render.status_url },
  });
});

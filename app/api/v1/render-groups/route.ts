import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { createRenderGroupV1 } from "@/lib/api/v1/services/render-groups";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** 202: queued, not done; `Location` and `status_url` say where to poll. */
export const POST = apiRoute(ENDPOINTS.createRenderGroup, async ({ caller, key, body }) => {
  const group = await createRenderGroupV1(getDb(), caller, key.mode, body);
  return Response.json(ENDPOINTS.createRenderGroup.output.parse(group), {
    status: 202,
    headers: { location: group.status_url },
  });
});

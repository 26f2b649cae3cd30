import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { createVideoRenderV1 } from "@/lib/api/v1/services/renders";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

/** 202 like POST /api/v1/renders: the video is queued; poll `status_url`. */
export const POST = apiRoute(ENDPOINTS.createVideoRender, async ({ caller, key, body }) => {
  const render = await createVideoRenderV1(getDb(), caller, key.mode, body);
  return Response.json(ENDPOINTS.createVideoRender.output.parse(render), {
    status: 202,
    headers: { location: render.status_url },
  });
});

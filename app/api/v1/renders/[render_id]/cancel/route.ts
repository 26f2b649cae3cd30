import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { cancelRenderV1 } from "@/lib/api/v1/services/renders";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const POST = apiRoute(ENDPOINTS.cancelRender, async ({ caller, params }) =>
  cancelRenderV1(getDb(), caller.workspaceId, params.render_id),
);

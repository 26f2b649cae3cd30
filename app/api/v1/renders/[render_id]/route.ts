import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { getRenderV1 } from "@/lib/api/v1/services/renders";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const GET = apiRoute(ENDPOINTS.getRender, async ({ caller, params }) =>
  getRenderV1(getDb(), caller.workspaceId, params.render_id),
);

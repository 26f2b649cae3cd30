import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { getRenderGroupV1 } from "@/lib/api/v1/services/render-groups";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.getRenderGroup, async ({ caller, params }) =>
  getRenderGroupV1(getDb(), caller.workspaceId, params.group_id),
);

import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { listTemplatesV1 } from "@/lib/api/v1/services/templates";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const GET = apiRoute(ENDPOINTS.listTemplates, async ({ caller, query }) =>
  listTemplatesV1(getDb(), caller.workspaceId, query),
);

import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { createSceneV1, listScenesV1 } from "@/lib/api/v1/services/scenes";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const GET = apiRoute(ENDPOINTS.listScenes, async ({ caller, query }) =>
  listScenesV1(getDb(), caller.workspaceId, query),
);

export const POST = apiRoute(ENDPOINTS.createScene, async ({ caller, body }) => createSceneV1(getDb(), caller, body));

import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { getSceneV1, updateSceneV1 } from "@/lib/api/v1/services/scenes";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";

export const GET = apiRoute(ENDPOINTS.getScene, async ({ caller, params }) =>
  getSceneV1(getDb(), caller, params.scene_id),
);

export const PUT = apiRoute(ENDPOINTS.updateScene, async ({ caller, params, body }) =>
  updateSceneV1(getDb(), caller, params.scene_id, body),
);

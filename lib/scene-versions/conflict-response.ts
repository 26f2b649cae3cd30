import { SceneConflictError } from "@/lib/stored-scenes/scene-service";

/** A stale revision answers 409 with the scene's current revision, as the scene's own PUT does. */
export async function conflictResponse<T>(work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof SceneConflictError)) throw err;
    return Response.json(
      { error: { code: err.code, message: err.message }, revision: err.currentRevision },
      { status: 409 },
    );
  }
}

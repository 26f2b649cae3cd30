import { sceneForShot, type SceneDocument } from "@/lib/scene";
import { PermanentRenderError } from "../failures";

/**
 * An output of an extra shot (issue 19) is drawn with that shot's camera: the session page draws `camera`, so the
 * shot's camera takes its place. A shot id its own snapshot lacks can never draw right: fail now, not retry.
 */
export function shotScene(document: SceneDocument, shotId: string | null): SceneDocument {
  if (!shotId) return document;
  if (!document.shots.some((shot) => shot.id === shotId))
    throw new PermanentRenderError(`The scene snapshot has no shot "${shotId}"`);
  return sceneForShot(document, shotId);
}

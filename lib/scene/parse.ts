/**
 * The one way in for untrusted scene JSON (API bodies, database rows, files):
 * migrate to the current version, then validate and normalise.
 */
import type { ZodIssue } from "zod";
import { migrateScene } from "./migrations";
import { sceneSchema, type SceneDocument } from "./schema";
import { SceneValidationError, type SceneIssue } from "./errors";

export type SafeParseSceneResult =
  { success: true; data: SceneDocument } | { success: false; issues: SceneIssue[]; error: SceneValidationError };

function toIssue(issue: ZodIssue): SceneIssue {
  return { path: issue.path.join("."), message: issue.message };
}

/** Migrates then validates; throws SceneValidationError (issues with dotted paths). */
export function parseScene(json: unknown): SceneDocument {
  const migrated = migrateScene(json); // throws SceneVersionError (a SceneValidationError)
  const result = sceneSchema.safeParse(migrated);
  if (!result.success) throw new SceneValidationError(result.error.issues.map(toIssue));
  return result.data;
}

/** Like parseScene but never throws for bad input. */
export function safeParseScene(json: unknown): SafeParseSceneResult {
  try {
    return { success: true, data: parseScene(json) };
  } catch (error) {
    if (error instanceof SceneValidationError) return { success: false, issues: error.issues, error };
    throw error;
  }
}

"use client";
import { useCallback, useMemo, useState } from "react";
import { sceneForShot, type SceneDocument } from "../scene";
import type { SceneCommand } from "./commands";
import { commandForShot } from "./shot-commands";

/**
 * Which shot the viewport shows (session state, never saved): null is the main shot (the document's `camera`).
 * `viewDoc` is the document with that shot's camera in place, for the viewport and the camera controls;
 * `executeOnShot` sends their camera commands to that shot. A shot removed meanwhile (deleted, undone) falls back
 * to the main shot.
 */
export function useActiveShot(doc: SceneDocument, execute: (command: SceneCommand) => void) {
  const [picked, setActiveShotId] = useState<string | null>(null);
  const activeShotId = picked && doc.shots.some((shot) => shot.id === picked) ? picked : null;
  const viewDoc = useMemo(() => sceneForShot(doc, activeShotId), [doc, activeShotId]);
  const executeOnShot = useCallback(
    (command: SceneCommand) => execute(commandForShot(command, activeShotId)),
    [execute, activeShotId],
  );
  return { activeShotId, setActiveShotId, viewDoc, executeOnShot };
}

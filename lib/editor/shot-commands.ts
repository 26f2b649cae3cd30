/**
 * Editor commands for shots (issue 19): pure `(doc, args) => doc` like ./commands.ts, which spreads them into its
 * registry so undo, redo and the revision-checked autosave treat them as any other edit. Validation (at least one
 * ratio, known outputs, at most MAX_SHOTS, unique names) is the schema's, run by applyCommand: a bad shot never
 * reaches history or a save.
 */
import { CAMERA_PRESETS, type CameraPresetId, type CameraState, type SceneDocument, type Shot } from "../scene";
import { CommandError } from "./command-error";
import type { SceneCommand } from "./commands";

function shotIndex(doc: SceneDocument, id: string): number {
  const index = doc.shots.findIndex((shot) => shot.id === id);
  if (index < 0) throw new CommandError(`no shot with id "${id}"`);
  return index;
}

function updateShot(doc: SceneDocument, id: string, update: (shot: Shot) => Shot): SceneDocument {
  const index = shotIndex(doc, id);
  return { ...doc, shots: doc.shots.map((shot, i) => (i === index ? update(shot) : shot)) };
}

/** A camera with a preset's angles, lens and tightness, back on auto-fit (as setCameraPreset does for the main one). */
export function presetCamera(camera: CameraState, preset: CameraPresetId): CameraState {
  if (preset === "custom") return { ...camera, preset };
  const p = CAMERA_PRESETS[preset];
  return {
    ...camera,
    preset,
    azimuth: p.azimuth,
    elevation: p.elevation,
    focalLength: p.focalLength,
    zoom: p.tightness,
    distance: null,
    target: null,
  };
}

/** The first free "shot-N": ids stay deterministic (no random ids in documents). */
export function nextShotId(doc: Pick<SceneDocument, "shots">): string {
  const taken = new Set(doc.shots.map((shot) => shot.id));
  let n = 1;
  while (taken.has(`shot-${n}`)) n++;
  return `shot-${n}`;
}

export const shotCommands = {
  /** Adds a shot with the given camera (the current view, or a preset's camera made by presetCamera). */
  addShot(
    doc: SceneDocument,
    args: { id?: string; label: string; camera: CameraState; outputIds: string[] },
  ): SceneDocument {
    const shot: Shot = {
      id: args.id ?? nextShotId(doc),
      label: args.label,
      camera: { ...args.camera, target: args.camera.target ? [...args.camera.target] : null },
      outputIds: [...args.outputIds],
    };
    return { ...doc, shots: [...doc.shots, shot] };
  },

  renameShot(doc: SceneDocument, args: { id: string; label: string }): SceneDocument {
    return updateShot(doc, args.id, (shot) => ({ ...shot, label: args.label }));
  },

  removeShot(doc: SceneDocument, args: { id: string }): SceneDocument {
    shotIndex(doc, args.id);
    return { ...doc, shots: doc.shots.filter((shot) => shot.id !== args.id) };
  },

  setShotOutputs(doc: SceneDocument, args: { id: string; outputIds: string[] }): SceneDocument {
    return updateShot(doc, args.id, (shot) => ({ ...shot, outputIds: [...args.outputIds] }));
  },

  /** Partial camera update of one shot; the preset label becomes "custom" unless given (as setCamera). */
  setShotCamera(doc: SceneDocument, args: { id: string; patch: Partial<CameraState> }): SceneDocument {
    const patch = Object.fromEntries(Object.entries(args.patch).filter(([, v]) => v !== undefined));
    return updateShot(doc, args.id, (shot) => ({ ...shot, camera: { ...shot.camera, preset: "custom", ...patch } }));
  },

  setShotCameraPreset(doc: SceneDocument, args: { id: string; preset: CameraPresetId }): SceneDocument {
    return updateShot(doc, args.id, (shot) => ({ ...shot, camera: presetCamera(shot.camera, args.preset) }));
  },
} satisfies Record<string, (doc: SceneDocument, args: never) => SceneDocument>;

/**
 * The editor's camera controls and viewport speak main-camera commands; with a shot active they edit that shot's
 * camera instead. Other commands pass through unchanged.
 */
export function commandForShot(command: SceneCommand, shotId: string | null): SceneCommand {
  if (!shotId) return command;
  const { coalesceKey } = command;
  switch (command.type) {
    case "setCamera":
      return { type: "setShotCamera", args: { id: shotId, patch: command.args }, coalesceKey };
    case "setFocalLength":
      return {
        type: "setShotCamera",
        args: { id: shotId, patch: { focalLength: command.args.focalLength } },
        coalesceKey,
      };
    case "setCameraPreset":
      return { type: "setShotCameraPreset", args: { id: shotId, preset: command.args.preset }, coalesceKey };
    default:
      return command;
  }
}

import { describe, expect, it } from "vitest";
import { createDefaultScene, MAX_SHOTS, SceneValidationError, type SceneDocument } from "../scene";
import { applyCommand, CommandError, type SceneCommand } from "./commands";
import { commandForShot, presetCamera, shotCommands } from "./shot-commands";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const base = () => deepFreeze(createDefaultScene({ productId: "sample_perfume", seed: 1 }));

function withShot(doc: SceneDocument = base(), label = "Top-down"): SceneDocument {
  return deepFreeze(
    applyCommand(doc, {
      type: "addShot",
      args: { label, camera: presetCamera(doc.camera, "top-down"), outputIds: ["square"] },
    }),
  );
}

/** The validation issue a rejected command reports (path and message), as the editor shows it. */
function issueOf(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof SceneValidationError) return error.issues[0];
    throw error;
  }
  throw new Error("expected the command to be rejected");
}

describe("shot commands", () => {
  it("addShot gives the first free id and copies the camera in; the main camera is untouched", () => {
    const doc = withShot();
    expect(doc.shots).toHaveLength(1);
    expect(doc.shots[0]).toMatchObject({ id: "shot-1", label: "Top-down", outputIds: ["square"] });
    expect(doc.shots[0].camera).toMatchObject({ preset: "top-down", elevation: 89, distance: null });
    expect(doc.camera).toEqual(base().camera);
    const second = applyCommand(doc, {
      type: "addShot",
      args: { label: "Detail", camera: presetCamera(doc.camera, "close-up"), outputIds: ["story", "square"] },
    });
    expect(second.shots.map((s) => s.id)).toEqual(["shot-1", "shot-2"]);
  });

  it("renames, sets ratios, edits and removes a shot, input untouched", () => {
    const doc = withShot();
    const snapshot = structuredClone(doc);
    const steps: SceneCommand[] = [
      { type: "renameShot", args: { id: "shot-1", label: "Overhead" } },
      { type: "setShotOutputs", args: { id: "shot-1", outputIds: ["story", "portrait"] } },
      { type: "setShotCamera", args: { id: "shot-1", patch: { azimuth: 40, focalLength: 85 } } },
    ];
    const edited = steps.reduce(applyCommand, doc);
    expect(edited.shots[0]).toMatchObject({ label: "Overhead", outputIds: ["story", "portrait"] });
    expect(edited.shots[0].camera).toMatchObject({ preset: "custom", azimuth: 40, focalLength: 85, elevation: 89 });
    const preset = applyCommand(edited, { type: "setShotCameraPreset", args: { id: "shot-1", preset: "front" } });
    expect(preset.shots[0].camera).toMatchObject({ preset: "front", elevation: 5, zoom: 1 });
    expect(applyCommand(edited, { type: "removeShot", args: { id: "shot-1" } }).shots).toEqual([]);
    expect(doc).toEqual(snapshot);
  });

  it("refuses a shot with no ratios, an unknown output, a ninth shot and a taken name, naming the field", () => {
    const doc = withShot();
    expect(issueOf(() => applyCommand(doc, { type: "setShotOutputs", args: { id: "shot-1", outputIds: [] } }))).toEqual(
      { path: "shots.0.outputIds", message: "a shot needs at least one ratio" },
    );
    expect(
      issueOf(() => applyCommand(doc, { type: "setShotOutputs", args: { id: "shot-1", outputIds: ["banner"] } })),
    ).toEqual({
      path: "shots.0.outputIds.0",
      message: 'shot "Top-down" names an output "banner" that is not in the document\'s outputs',
    });
    let full = doc;
    for (let i = 2; i <= MAX_SHOTS; i++) full = withShot(full, `Shot ${i}`);
    expect(full.shots).toHaveLength(MAX_SHOTS);
    expect(issueOf(() => withShot(full, "Ninth")).message).toBe(`at most ${MAX_SHOTS} shots`);
    expect(issueOf(() => withShot(doc, "top-down"))).toEqual({
      path: "shots.1.label",
      message: 'another shot is already called "top-down"',
    });
    expect(issueOf(() => applyCommand(doc, { type: "renameShot", args: { id: "shot-1", label: "  " } })).message).toBe(
      "a shot needs a name",
    );
  });

  it("refuses removing an output a shot still uses (the shot would name an unknown output)", () => {
    const doc = withShot();
    const outputs = doc.outputs.filter((o) => o.id !== "square");
    expect(issueOf(() => applyCommand(doc, { type: "setOutputs", args: { outputs } })).path).toBe(
      "shots.0.outputIds.0",
    );
  });

  it("unknown shot ids are a CommandError", () => {
    expect(() => applyCommand(base(), { type: "removeShot", args: { id: "nope" } })).toThrow(CommandError);
    expect(() => applyCommand(base(), { type: "renameShot", args: { id: "nope", label: "x" } })).toThrow(CommandError);
  });

  it("commandForShot sends the camera controls to the active shot and leaves everything else alone", () => {
    const doc = withShot();
    const zoom = commandForShot({ type: "setCamera", args: { zoom: 2, distance: null }, coalesceKey: "z" }, "shot-1");
    expect(zoom).toEqual({
      type: "setShotCamera",
      args: { id: "shot-1", patch: { zoom: 2, distance: null } },
      coalesceKey: "z",
    });
    const after = applyCommand(doc, zoom);
    expect(after.shots[0].camera.zoom).toBe(2);
    expect(after.camera).toEqual(doc.camera);
    const lens = applyCommand(doc, commandForShot({ type: "setFocalLength", args: { focalLength: 120 } }, "shot-1"));
    expect(lens.shots[0].camera.focalLength).toBe(120);
    const preset = applyCommand(doc, commandForShot({ type: "setCameraPreset", args: { preset: "side" } }, "shot-1"));
    expect(preset.shots[0].camera.azimuth).toBe(90);
    const background: SceneCommand = { type: "setBackgroundColor", args: { color: "#112233" } };
    expect(commandForShot(background, "shot-1")).toBe(background);
    const main: SceneCommand = { type: "setCamera", args: { azimuth: 10 } };
    expect(commandForShot(main, null)).toBe(main);
  });

  it("every shot command is exercised here", () => {
    expect(Object.keys(shotCommands).sort()).toEqual(
      ["addShot", "removeShot", "renameShot", "setShotCamera", "setShotCameraPreset", "setShotOutputs"].sort(),
    );
  });
});

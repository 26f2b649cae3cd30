import { describe, expect, it } from "vitest";
import { createDefaultScene, SceneValidationError } from "../scene";
import { applyCommand } from "./commands";
import { createHistory, push, undo } from "./history";
import { SET_PIECES, placeLibraryItem } from "./prop-library";
import { SURFACE_OPTIONS, isSurfaceFinish } from "./surface-options";

const doc = () => createDefaultScene({ productId: "sample_perfume", seed: 1 });

describe("surface and reflection commands", () => {
  it("sets the podium's surface and reflection, and undo puts them back", () => {
    const before = doc();
    const marble = applyCommand(before, { type: "setPodium", args: { podium: { surface: "marble" } } });
    const glossy = applyCommand(marble, { type: "setPodium", args: { podium: { reflection: 0.4 } } });
    expect(glossy.stage.podium).toMatchObject({ surface: "marble", reflection: 0.4 });
    let history = push(push(createHistory(before), marble), glossy);
    history = undo(history);
    expect(history.present.stage.podium).toMatchObject({ surface: "marble", reflection: 0 });
    history = undo(history);
    expect(history.present.stage.podium?.surface).toBe("plain");
  });

  it("sets the floor's surface and reflection; a reflection out of 0..1 is refused", () => {
    const next = applyCommand(doc(), { type: "setFloor", args: { surface: "oak", reflection: 0.3 } });
    expect(next.stage.floor).toMatchObject({ surface: "oak", reflection: 0.3 });
    expect(() => applyCommand(doc(), { type: "setFloor", args: { reflection: 1.5 } })).toThrow(SceneValidationError);
  });

  it("re-finishes one prop and leaves the others alone", () => {
    const withProps = applyCommand(doc(), {
      type: "addProps",
      args: {
        props: ["vase", "stone"].map((kind, i) => ({
          kind: kind as "vase" | "stone",
          position: [0.2 * (i + 1), 0, 0] as [number, number, number],
          rotationY: 0,
          scale: 1,
          color: "#cccccc",
          roughness: 0.5,
          metalness: 0,
        })),
      },
    });
    const [vase, stone] = withProps.stage.props;
    const next = applyCommand(withProps, {
      type: "setPropStyle",
      args: { id: vase.id, style: { surface: "terrazzo" } },
    });
    expect(next.stage.props.find((p) => p.id === vase.id)?.surface).toBe("terrazzo");
    expect(next.stage.props.find((p) => p.id === stone.id)?.surface).toBe("plain");
  });

  it("an unknown finish is refused (the picker only offers the known ones)", () => {
    expect(() => applyCommand(doc(), { type: "setPodium", args: { podium: { surface: "granite" as never } } })).toThrow(
      SceneValidationError,
    );
    expect(SURFACE_OPTIONS.map((o) => o.value).every(isSurfaceFinish)).toBe(true);
    expect(isSurfaceFinish("granite")).toBe(false);
  });

  it("set pieces with a finish keep it when placed", () => {
    const piece = SET_PIECES.find((p) => p.id === "marble-block")!;
    const [placed] = placeLibraryItem(piece, [], null, { x: 0, z: 0, radius: 0.05 });
    const next = applyCommand(doc(), { type: "addProps", args: { props: [placed] } });
    expect(next.stage.props.at(-1)).toMatchObject({ kind: "block", surface: "marble" });
  });
});

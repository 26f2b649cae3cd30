import { describe, expect, it } from "vitest";
import { createDefaultScene, type SceneDocument } from "../scene";
import { applyCommand, CommandError } from "./commands";
import { createHistory, push } from "./history";
import { MAX_PROPS, SET_PIECES, SHAPES, libraryItem, placeLibraryItem } from "./prop-library";

const base = (): SceneDocument => createDefaultScene({ productId: "sample_perfume", seed: 1 });

function withProps(doc: SceneDocument, count: number): SceneDocument {
  const item = libraryItem("sphere")!;
  const props = Array.from({ length: count }, (_, i) => ({
    ...placeLibraryItem(item, [], doc.stage.podium, { x: 0, z: 0, radius: 0.05 })[0],
    position: [0.3 + i * 0.1, 0, 0] as [number, number, number],
  }));
  return applyCommand(doc, { type: "addProps", args: { props } });
}

describe("placement commands", () => {
  it("moves a product and a prop in one command (one undo step)", () => {
    const doc = withProps(base(), 1);
    const next = applyCommand(doc, {
      type: "setObjectTransforms",
      args: {
        items: [
          { kind: "product", id: doc.products[0].id, position: [0.1, 0.08, 0], rotationY: Math.PI / 12 },
          { kind: "prop", id: "prop-1", position: [0.4, 0.05, 0.1], scale: 2 },
        ],
      },
    });
    expect(next.products[0]).toMatchObject({ position: [0.1, 0.08, 0], rotationY: Math.PI / 12, scale: 1 });
    expect(next.stage.props[0]).toMatchObject({ position: [0.4, 0.05, 0.1], scale: 2, rotationY: 0 });
    const history = push(createHistory(doc), next);
    expect(history.past).toHaveLength(1);
  });

  it("refuses an unknown object and an out-of-range value", () => {
    expect(() =>
      applyCommand(base(), { type: "setObjectTransforms", args: { items: [{ kind: "prop", id: "nope", scale: 2 }] } }),
    ).toThrow(CommandError);
    const doc = withProps(base(), 1);
    expect(() =>
      applyCommand(doc, { type: "setObjectTransforms", args: { items: [{ kind: "prop", id: "prop-1", scale: 500 }] } }),
    ).toThrow(/scale/);
  });

  it("recolours a prop from the palette", () => {
    const doc = withProps(base(), 2);
    const next = applyCommand(doc, { type: "setPropStyle", args: { id: "prop-2", style: { color: "#1D3557" } } });
    expect(next.stage.props[1].color).toBe("#1d3557");
  });

  it("adds a set piece as one step with fresh ids, and refuses a 13th prop", () => {
    const doc = withProps(base(), 1);
    const piece = libraryItem("column-and-ball")!;
    const props = placeLibraryItem(piece, [], doc.stage.podium, { x: 0, z: 0, radius: 0.05 });
    const next = applyCommand(doc, { type: "addProps", args: { props } });
    expect(next.stage.props.map((p) => p.id)).toEqual(["prop-1", "prop-2", "prop-3"]);
    const full = withProps(base(), MAX_PROPS);
    expect(full.stage.props).toHaveLength(MAX_PROPS);
    expect(() => applyCommand(full, { type: "addProps", args: { props: props.slice(0, 1) } })).toThrow(/12/);
  });
});

describe("prop library", () => {
  const podium = base().stage.podium;

  it("offers every prop kind and the template set pieces", () => {
    expect(SHAPES.map((s) => s.id)).toContain("pebble");
    expect(SET_PIECES.length).toBeGreaterThanOrEqual(5);
  });

  it("puts new props beside the product without overlapping it or each other", () => {
    const product = { x: 0, z: 0, radius: 0.05 };
    const taken = [product];
    for (let i = 0; i < 6; i++) {
      const [prop] = placeLibraryItem(libraryItem("sphere")!, taken, podium, product);
      const radius = 0.055 * prop.scale;
      for (const t of taken)
        expect(Math.hypot(t.x - prop.position[0], t.z - prop.position[2])).toBeGreaterThanOrEqual(t.radius + radius);
      taken.push({ x: prop.position[0], z: prop.position[2], radius });
    }
  });

  it("stacks a set piece: the ball rests on the column", () => {
    const [column, ball] = placeLibraryItem(libraryItem("column-and-ball")!, [], podium, { x: 0, z: 0, radius: 0.05 });
    expect(ball.position[1]).toBeCloseTo(column.position[1] + 0.1 * column.scale, 6);
    expect([ball.position[0], ball.position[2]]).toEqual([column.position[0], column.position[2]]);
  });
});

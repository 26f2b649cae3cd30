import { describe, expect, it } from "vitest";
import { applyCommand } from "./commands";
import { align, existing, moveBy } from "./selection";
import { createDefaultScene, type SceneDocument } from "../scene";

const sizes = () => [0.06, 0.12, 0.06] as const;

function scene(): SceneDocument {
  const doc = createDefaultScene({ productId: "sample_drink-can", seed: 1, productSize: [0.06, 0.12, 0.06] });
  const prop = { kind: "sphere" as const, rotationY: 0, scale: 0.4, color: "#cccccc", roughness: 0.5, metalness: 0 };
  return applyCommand(doc, {
    type: "addProps",
    args: {
      props: [
        { ...prop, position: [0.3, 0, 0.1] },
        { ...prop, position: [-0.2, 0.05, -0.1] }, // lifted 5 cm
        { ...prop, position: [0.1, 0, 0.3] },
      ],
    },
  });
}

const props = [
  { kind: "prop" as const, id: "prop-1" },
  { kind: "prop" as const, id: "prop-2" },
  { kind: "prop" as const, id: "prop-3" },
];

describe("selection", () => {
  it("forgets objects that are gone", () => {
    expect(existing(scene(), [...props, { kind: "prop", id: "prop-9" }])).toEqual(props);
  });

  it("moves several objects together, each keeping its lift, products resting on the podium", () => {
    const doc = scene();
    const moved = moveBy(doc, [props[0], props[1], { kind: "product", id: "product-1" }], 0.01, -0.02, sizes);
    expect(moved[0].position).toEqual([0.31, 0, 0.08]);
    expect(moved[1].position).toEqual([-0.19, 0.05, -0.12]);
    expect(moved[2].position).toEqual([0.01, doc.stage.podium!.height, -0.02]);
  });

  it("lines objects up and spaces them evenly, never into the podium", () => {
    const doc = scene();
    const across = align(doc, props, "centre-z", sizes);
    expect(new Set(across.map((t) => t.position![2]))).toEqual(new Set([0.1]));
    const even = align(doc, props, "distribute-x", sizes);
    expect(even.map((t) => t.position![0]).sort((a, b) => a - b)).toEqual([-0.2, 0.05, 0.3]);
    // Lining up front to back puts all three at x = 0.067: prop 3 (z 0.3) is clear of the podium and stays
    // on the floor; the lifted one keeps its lift.
    const column = align(doc, props, "centre-x", sizes);
    expect(column[1].position![1]).toBe(0.05);
    expect(column[2].position![1]).toBe(0);
  });
});

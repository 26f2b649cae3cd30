import { describe, expect, it } from "vitest";
import { applyCommand } from "./commands";
import { existing, moveBy } from "./selection";
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
});

import { describe, expect, it } from "vitest";
import { applyCommand } from "./commands";
import {
  ALIGN_LABELS,
  alignGroup,
  groupCentre,
  rotateGroup,
  scaleGroup,
  viewAxes,
  type AlignMode,
} from "./group-transform";
import { nudgeDelta, podiumTiers, propRadius, surfaceHeight } from "./placement";
import type { ObjectRef, ObjectTransform } from "./selection";
import { createDefaultScene, type SceneDocument, type Vec3 } from "../scene";

const CAN = [0.06, 0.12, 0.06] as const;
const sizes = () => CAN;
const PROP = { kind: "sphere" as const, rotationY: 0, color: "#cccccc", roughness: 0.5, metalness: 0 };

function scene(props: { position: Vec3; scale?: number }[], podium = true): SceneDocument {
  const doc = createDefaultScene({ productId: "sample_drink-can", seed: 1, productSize: CAN });
  const withProps = applyCommand(doc, {
    type: "addProps",
    args: { props: props.map((p) => ({ ...PROP, scale: p.scale ?? 0.4, position: p.position })) },
  });
  return podium ? withProps : { ...withProps, stage: { ...withProps.stage, podium: null } };
}

const prop = (n: number): ObjectRef => ({ kind: "prop", id: `prop-${n}` });
const PRODUCT: ObjectRef = { kind: "product", id: "product-1" };
const apply = (doc: SceneDocument, items: ObjectTransform[]) =>
  applyCommand(doc, { type: "setObjectTransforms", args: { items } });
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 3);

describe("turning a group", () => {
  it("orbits positions about the group's centre and turns every object by the same angle", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }, { position: [0.5, 0, 0.1] }]);
    expect(groupCentre(doc, [prop(1), prop(2)])).toEqual([0.4, 0.1]);
    const turned = rotateGroup(doc, [prop(1), prop(2)], Math.PI / 2, sizes);
    close(turned[0].position![0], 0.4);
    close(turned[0].position![2], 0.2);
    close(turned[1].position![0], 0.4);
    close(turned[1].position![2], 0);
    expect(turned.map((t) => t.rotationY)).toEqual([
      Number((Math.PI / 2).toFixed(6)),
      Number((Math.PI / 2).toFixed(6)),
    ]);
  });

  it("keeps a product standing on the podium and a lifted prop lifted", () => {
    const doc = scene([{ position: [0.2, 0.05, 0] }]);
    const turned = rotateGroup(doc, [PRODUCT, prop(1)], Math.PI, sizes);
    // Centre (0.1, 0): the product swaps to x 0.2 (off the podium, on the floor), the prop to x 0 (over the podium).
    const [product, sphere] = turned;
    close(product.position![0], 0.2);
    expect(product.position![1]).toBe(0);
    close(sphere.position![0], 0);
    expect(sphere.position![1]).toBeCloseTo(doc.stage.podium!.height + 0.05, 6);
    // A whole turn is one command: one undo step.
    const after = apply(doc, turned);
    expect(after.products[0].position[1]).toBeGreaterThanOrEqual(0);
  });

  it("turning back by the same angle returns every object where it was (to the millimetre positions keep)", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }, { position: [-0.25, 0, -0.2] }], false);
    const refs = [prop(1), prop(2)];
    const there = apply(doc, rotateGroup(doc, refs, Math.PI / 12, sizes));
    const back = apply(there, rotateGroup(there, refs, -Math.PI / 12, sizes));
    back.stage.props.forEach((p, i) =>
      p.position.forEach((v, axis) => expect(Math.abs(v - doc.stage.props[i].position[axis])).toBeLessThan(0.0015)),
    );
  });
});

describe("scaling a group", () => {
  it("scales distances from the centre and each object's scale by the same factor", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }, { position: [0.5, 0, 0.1], scale: 0.5 }]);
    const scaled = scaleGroup(doc, [prop(1), prop(2)], 2, sizes);
    expect(scaled.map((t) => t.scale)).toEqual([0.8, 1]);
    close(scaled[0].position![0], 0.2);
    close(scaled[1].position![0], 0.6);
    expect(scaled.every((t) => t.position![1] === 0)).toBe(true);
  });

  it("never sinks a product: it rests on whatever is under it after scaling", () => {
    const doc = scene([{ position: [0.2, 0, 0] }]);
    const scaled = scaleGroup(doc, [PRODUCT, prop(1)], 0.5, sizes);
    const product = scaled[0].position!;
    expect(product[1]).toBe(surfaceHeight(podiumTiers(doc.stage.podium), product[0], product[2]));
  });
});

/** Two footprints overlap (props only in these fixtures). */
function overlaps(doc: SceneDocument): boolean {
  const props = doc.stage.props;
  return props.some((a, i) =>
    props.some(
      (b, j) =>
        j > i &&
        Math.hypot(a.position[0] - b.position[0], a.position[2] - b.position[2]) <
          propRadius(a.scale) + propRadius(b.scale) - 1e-3,
    ),
  );
}

describe("aligning in the camera's view", () => {
  it("front view (azimuth 0): left, right and centre line up edges across the screen (x)", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }, { position: [0.5, 0, 0.3], scale: 0.8 }], false);
    const refs = [prop(1), prop(2)];
    const left = alignGroup(doc, refs, "left", 0, sizes);
    // Left edges meet at the leftmost edge: 0.3 - 0.022.
    close(left[0].position![0] - propRadius(0.4), 0.278);
    close(left[1].position![0] - propRadius(0.8), 0.278);
    const right = alignGroup(doc, refs, "right", 0, sizes);
    close(right[0].position![0] + propRadius(0.4), 0.5 + propRadius(0.8));
    close(right[1].position![0] + propRadius(0.8), 0.5 + propRadius(0.8));
    const centre = alignGroup(doc, refs, "centre", 0, sizes);
    close(centre[0].position![0], centre[1].position![0]);
    // Depth is untouched where nothing collides.
    expect(left.map((t) => t.position![2])).toEqual([0.1, 0.3]);
  });

  it("front and back line up depth edges; the camera at 90 degrees turns left into -z... and back into -x", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }, { position: [0.5, 0, 0.3] }], false);
    const refs = [prop(1), prop(2)];
    const front = alignGroup(doc, refs, "front", 0, sizes);
    expect(front.map((t) => t.position![2])).toEqual([0.3, 0.3]);
    const back = alignGroup(doc, refs, "back", 0, sizes);
    expect(back.map((t) => t.position![2])).toEqual([0.1, 0.1]);
    // Camera on +X looking at -X: screen right is -Z, towards the camera is +X.
    expect(viewAxes(90)).toEqual({ right: [0, -1], front: [1, 0] });
    const sideLeft = alignGroup(doc, refs, "left", 90, sizes);
    expect(sideLeft.map((t) => t.position![2])).toEqual([0.3, 0.3]);
    const sideBack = alignGroup(doc, refs, "back", 90, sizes);
    expect(sideBack.map((t) => t.position![0])).toEqual([0.3, 0.3]);
  });

  it("distributes evenly: the outer two stay, equal gaps between footprints, order kept", () => {
    const doc = scene(
      [{ position: [-0.4, 0, 0.3] }, { position: [0.35, 0, 0.3], scale: 0.8 }, { position: [0.4, 0, 0.5] }],
      false,
    );
    const even = alignGroup(doc, [prop(1), prop(2), prop(3)], "distribute", 0, sizes);
    const [a, b, c] = even.map((t) => t.position![0]);
    close(a, -0.4);
    close(c, 0.4);
    const gap1 = b - propRadius(0.8) - (a + propRadius(0.4));
    const gap2 = c - propRadius(0.4) - (b + propRadius(0.8));
    close(gap1, gap2);
  });

  it("aligning two objects standing side by side puts one behind the other instead of into it", () => {
    const doc = scene([{ position: [0.3, 0, 0.3] }, { position: [0.4, 0, 0.3] }], false);
    const after = apply(doc, alignGroup(doc, [prop(1), prop(2)], "left", 0, sizes));
    expect(after.stage.props[0].position[0]).toBe(after.stage.props[1].position[0]);
    expect(overlaps(after)).toBe(false);
    // The one in front stays put; the other slides back (away from the camera).
    expect(after.stage.props.map((p) => p.position[2]).sort()).toEqual([0.256, 0.3]);
  });

  it("random groups that did not overlap never overlap after any align, in any view", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const modes = Object.keys(ALIGN_LABELS) as AlignMode[];
    for (let round = 0; round < 300; round++) {
      const props: { position: Vec3; scale: number }[] = [];
      const count = 2 + Math.floor(random() * 5);
      while (props.length < count) {
        const candidate = { position: [random() - 0.5, 0, random() - 0.5] as Vec3, scale: 0.2 + random() };
        const clear = props.every(
          (p) =>
            Math.hypot(p.position[0] - candidate.position[0], p.position[2] - candidate.position[2]) >
            propRadius(p.scale) + propRadius(candidate.scale),
        );
        if (clear) props.push(candidate);
      }
      const doc = scene(props, false);
      const refs = props.map((_, i) => prop(i + 1));
      const mode = modes[Math.floor(random() * modes.length)];
      const azimuth = Math.floor(random() * 8) * 45;
      const after = apply(doc, alignGroup(doc, refs, mode, azimuth, sizes));
      expect(overlaps(after), `${mode} at ${azimuth}° round ${round}`).toBe(false);
      expect(after.stage.props.every((p) => p.position[1] === 0)).toBe(true);
    }
  });

  it("everything still stands on the stage: products rest, props keep their lift", () => {
    const doc = scene([{ position: [0.3, 0.04, 0.1] }, { position: [-0.3, 0, 0.2] }]);
    const refs = [PRODUCT, prop(1), prop(2)];
    for (const mode of Object.keys(ALIGN_LABELS) as AlignMode[]) {
      for (const t of alignGroup(doc, refs, mode, 30, sizes)) {
        const [x, y, z] = t.position!;
        const surface = surfaceHeight(podiumTiers(doc.stage.podium), x, z);
        expect(y, `${mode} ${t.id}`).toBeCloseTo(surface + (t.id === "prop-1" ? 0.04 : 0), 6);
      }
    }
  });

  it("the view's right and front are the arrow keys' right and down, at every camera angle", () => {
    for (let azimuth = -180; azimuth <= 180; azimuth += 15) {
      const { right, front } = viewAxes(azimuth);
      expect(nudgeDelta("ArrowRight", azimuth, false).map((v) => v * 100)).toEqual(right);
      expect(nudgeDelta("ArrowDown", azimuth, false).map((v) => v * 100)).toEqual(front);
    }
  });

  it("needs two objects", () => {
    const doc = scene([{ position: [0.3, 0, 0.1] }]);
    expect(alignGroup(doc, [prop(1)], "left", 0, sizes)).toEqual([]);
  });
});

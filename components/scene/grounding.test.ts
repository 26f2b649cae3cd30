/**
 * The product always sits on its surface (issue 18), for any model origin and orientation: the model is measured
 * as three draws it (modelBounds, node transforms applied), shifted by groundingOffset and placed as Products
 * places it; the drawn mesh's lowest point is exactly on the surface, its footprint centred on the placement.
 */
import { describe, expect, it } from "vitest";
import { Box3, BoxGeometry, CylinderGeometry, Group, Mesh, MeshStandardMaterial, TorusKnotGeometry } from "three";
import { groundingOffset, type ProductPlacement } from "@/lib/scene";
import { modelBounds } from "./model-bounds";

type Build = () => Group;
const material = new MeshStandardMaterial();

const MODELS: Record<string, Build> = {
  "origin at the bottom centre": () => {
    const scene = new Group();
    scene.add(new Mesh(new CylinderGeometry(0.03, 0.03, 0.2).translate(0, 0.1, 0), material));
    return scene;
  },
  "origin in the middle (would sink)": () => {
    const scene = new Group();
    scene.add(new Mesh(new CylinderGeometry(0.03, 0.03, 0.2), material));
    return scene;
  },
  "origin far below and to the side (would float, off the podium)": () => {
    const scene = new Group();
    scene.add(new Mesh(new BoxGeometry(0.1, 0.05, 0.08).translate(0.4, 1.2, -0.3), material));
    return scene;
  },
  "Z-up export turned upright by its root node": () => {
    const scene = new Group();
    const root = new Group();
    root.rotation.x = -Math.PI / 2;
    root.add(new Mesh(new CylinderGeometry(0.03, 0.03, 0.2).rotateX(Math.PI / 2).translate(0, 0, 0.1), material));
    scene.add(root);
    return scene;
  },
  "tilted, scaled and offset nodes (a lying product, centimetre node scale)": () => {
    const scene = new Group();
    const node = new Group();
    node.rotation.set(0.4, 0.9, -0.7);
    node.scale.setScalar(0.01);
    node.position.set(-0.2, -0.5, 0.3);
    node.add(new Mesh(new TorusKnotGeometry(5, 1.5, 64, 8), material));
    scene.add(node);
    return scene;
  },
};

const PLACEMENTS: Pick<ProductPlacement, "position" | "rotationY" | "scale">[] = [
  { position: [0, 0.036, 0], rotationY: 0, scale: 1 },
  { position: [0.12, 0.08, -0.05], rotationY: 1.1, scale: 1.6 },
  { position: [-0.3, 0, 0.2], rotationY: -2.5, scale: 0.4 },
];

describe("the product sits on its surface", () => {
  for (const [name, build] of Object.entries(MODELS)) {
    it(`${name}: bottom on the surface, centred, at every placement`, () => {
      for (const placement of PLACEMENTS) {
        const model = { scene: build() };
        // As components/scene/products.tsx draws it: placement group > model clone at the grounding offset.
        const object = model.scene.clone(true);
        object.position.set(...groundingOffset(modelBounds(model)));
        const group = new Group();
        group.position.set(...placement.position);
        group.rotation.set(0, placement.rotationY, 0);
        group.scale.setScalar(placement.scale);
        group.add(object);
        group.updateMatrixWorld(true);
        const drawn = new Box3().setFromObject(group, true);
        expect(drawn.min.y, "no floating, no sinking").toBeCloseTo(placement.position[1], 9);
        // Unturned, its footprint is centred on the placement (turned, an irregular mesh's box shifts a little:
        // it turns about its footprint's centre, which is the placement).
        if (placement.rotationY === 0) {
          expect((drawn.min.x + drawn.max.x) / 2).toBeCloseTo(placement.position[0], 6);
          expect((drawn.min.z + drawn.max.z) / 2).toBeCloseTo(placement.position[2], 6);
        }
      }
    });
  }
});

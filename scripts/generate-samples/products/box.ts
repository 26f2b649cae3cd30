/**
 * Kraft cardboard box (12 x 18 x 6 cm) with slightly rounded edges and a
 * printed label on the front (+Z) face; kraft paper texture elsewhere.
 */
import type { ProductDef } from "../assemble";
import { roundedBox, translate } from "../geometry";
import { frontLabelTexture, kraftTexture } from "../label";

const W = 0.12;
const H = 0.18;
const D = 0.06;
const TILE = 0.1;

export const box: ProductDef = {
  slug: "kraft-box",
  name: "Cardboard box",
  build(_doc, kit) {
    const kraftTex = kit.texture("kraft", kraftTexture(256, TILE));
    const labelTex = kit.texture("front_label", frontLabelTexture(512, 1024, W, H));
    const kraft = kit.textured("Kraft cardboard", kraftTex, 0, 0.85);
    const label = kit.textured("Printed label", labelTex, 0, 0.7);

    const common = { size: [W, H, D] as [number, number, number], radius: 0.0015, bevelSteps: 6, flatSteps: 2 };
    const front = translate(roundedBox({ ...common, faces: ["pz"] }), 0, H / 2, 0);
    const rest = translate(roundedBox({ ...common, faces: ["px", "nx", "py", "ny", "nz"], uvTile: TILE }), 0, H / 2, 0);
    return {
      parts: [
        { name: "Box", mesh: rest, material: kraft },
        { name: "Label", mesh: front, material: label },
      ],
    };
  },
};

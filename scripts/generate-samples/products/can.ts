/**
 * 330 ml aluminium drink can (Ø 6.6 cm x 11.5 cm): lathe profile with domed
 * base, standing ring, necked shoulder, rolled rim and countersunk lid, plus a
 * pull tab. Body colourways via KHR_materials_variants.
 */
import type { ProductDef } from "../assemble";
import { arc, chain, cm, densify, lathe, merge, roundedBox, translate } from "../geometry";

const R = 3.3; // body radius, cm

export const can: ProductDef = {
  slug: "drink-can",
  name: "Drink can",
  build(_doc, kit) {
    const alu = kit.metal("Brushed aluminium", "#d9dbde", 0.28);
    const citrus = kit.lacquer("Citrus paint", "#f2a516", 0.55, 0.32, 1, 0.06);
    const berry = kit.lacquer("Berry paint", "#b3174e", 0.55, 0.32, 1, 0.06);
    const ocean = kit.lacquer("Ocean paint", "#1d63a8", 0.55, 0.32, 1, 0.06);

    // Base: inward dome -> standing ring -> chamfer up to the full radius.
    const bottom = lathe(
      cm([
        chain(
          [
            [0, 1.05],
            [0.8, 1.02],
            [1.4, 0.92],
            [1.85, 0.74],
            [2.15, 0.5],
            [2.3, 0.25],
          ],
          arc(2.42, 0.1, 0.1, 180, 270, 5), // inner side of the standing ring
          arc(2.42, 0.1, 0.1, 270, 330, 3),
          [
            [2.75, 0.35],
            [3.0, 0.6],
          ],
          arc(2.55, 1.2, 0.75, -37, 0, 6),
        ),
      ]),
      128,
    );
    // Printed body.
    const body = lathe(
      cm([
        densify(
          [
            [R, 1.2],
            [R, 10.0],
          ],
          0.4,
        ),
      ]),
      128,
      [0, 1],
    );
    // Neck, seam band with rounded top, countersink wall and lid panel.
    const top = lathe(
      cm([
        chain(arc(R - 1.2, 10.0, 1.2, 0, 28, 8), [
          [2.92, 10.82],
          [2.78, 10.98],
          [2.72, 11.1],
        ]),
        chain(
          [
            [2.72, 11.1],
            [2.76, 11.18],
          ],
          densify(
            [
              [2.76, 11.18],
              [2.76, 11.4],
            ],
            0.1,
          ),
          arc(2.66, 11.4, 0.1, 0, 180, 10),
          [
            [2.54, 11.2],
            [2.5, 11.03],
          ],
          arc(2.42, 11.03, 0.08, 0, -90, 4),
          [
            [1.6, 10.945],
            [0.8, 10.95],
            [0, 10.95],
          ],
        ),
      ]),
      128,
    );
    // Pull tab lying on the lid panel + rivet.
    const tab = translate(
      roundedBox({ size: [0.012, 0.0008, 0.021], radius: 0.0004, bevelSteps: 3, flatSteps: 3 }),
      0,
      0.10955 + 0.0004,
      0.0045,
    );
    const rivet = lathe(
      cm([
        chain(
          [
            [0, 10.94],
            [0.2, 10.94],
            [0.2, 11.02],
          ],
          arc(0.15, 11.02, 0.05, 0, 90, 3),
          [[0, 11.07]],
        ),
      ]),
      32,
    );
    const tabMesh = merge(tab, rivet);

    return {
      variants: ["Citrus", "Berry", "Ocean"],
      parts: [
        { name: "Body", mesh: body, material: citrus, printable: true, variantMaterials: [citrus, berry, ocean] },
        { name: "Base", mesh: bottom, material: alu },
        { name: "Top", mesh: top, material: alu },
        { name: "Tab", mesh: tabMesh, material: alu },
      ],
    };
  },
};

/**
 * Cosmetic cream jar: frosted pastel body with a metallic screw lid.
 * Colourways via KHR_materials_variants.
 */
import type { ProductDef } from "../assemble";
import { arc, chain, cm, densify, lathe } from "../geometry";

export const jar: ProductDef = {
  slug: "cosmetic-jar",
  name: "Cosmetic jar",
  build(_doc, kit) {
    const blush = kit.lacquer("Frosted blush", "#f1d3cc", 0, 0.35, 0.25, 0.35);
    const sage = kit.lacquer("Frosted sage", "#cfdccb", 0, 0.35, 0.25, 0.35);
    const cloud = kit.lacquer("Frosted white", "#f3f1ee", 0, 0.35, 0.25, 0.35);
    const gold = kit.metal("Rose gold", "#e8b9a0", 0.22);
    const silver = kit.metal("Brushed silver", "#d6d7d9", 0.3);
    const champagne = kit.metal("Champagne", "#e6cf9e", 0.22);

    // Body: Ø 7.2 cm, 4.0 cm to the shoulder, neck hidden under the lid.
    const body = lathe(
      cm([
        chain(
          [[0, 0]],
          [[3.2, 0]],
          arc(3.2, 0.4, 0.4, -90, 0, 8),
          densify(
            [
              [3.6, 0.4],
              [3.6, 3.75],
            ],
            0.5,
          ),
          arc(3.35, 3.75, 0.25, 0, 90, 6),
        ),
        chain([
          [3.35, 4.0],
          [3.3, 4.0],
        ]),
        chain([
          [3.3, 4.0],
          [3.3, 4.6],
        ]),
        chain([
          [3.3, 4.6],
          [0, 4.6],
        ]),
      ]),
      128,
    );
    // Lid: Ø 7.24 cm, 4.05 .. 6.3 cm, softly rounded top edge.
    const lid = lathe(
      cm([
        chain([[0, 4.05]], [[3.52, 4.05]], arc(3.52, 4.15, 0.1, -90, 0, 4)),
        chain(
          densify(
            [
              [3.62, 4.15],
              [3.62, 5.9],
            ],
            0.4,
          ),
          arc(3.22, 5.9, 0.4, 0, 90, 10),
          [[0, 6.3]],
        ),
      ]),
      128,
    );
    return {
      variants: ["Blush & rose gold", "Sage & silver", "Cloud & champagne"],
      parts: [
        { name: "Jar", mesh: body, material: blush, variantMaterials: [blush, sage, cloud] },
        { name: "Lid", mesh: lid, material: gold, variantMaterials: [gold, silver, champagne] },
      ],
    };
  },
};

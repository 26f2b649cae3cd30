/**
 * 30 ml serum dropper bottle: amber Boston-round glass (one closed lathe
 * profile: outer wall up, over the lip, inner wall down), golden serum,
 * glass pipette, gold collar and black rubber bulb.
 */
import type { ProductDef } from "../assemble";
import { arc, chain, cm, densify, lathe } from "../geometry";

export const dropper: ProductDef = {
  slug: "serum-dropper",
  name: "Serum dropper bottle",
  build(_doc, kit) {
    const amber = kit.glass("Amber glass", {
      tint: "#c47f3a",
      attenuation: "#b87a3c",
      attenuationDistance: 0.02,
      thickness: 0.003,
    });
    // Amber serum, a transmissive volume inside the amber glass (components/scene/nested-transmission.ts keeps it
    // visible there): see-through, deeper where it is thicker (the path-traced reference's bottle reads dark).
    const serum = kit.glass("Serum", {
      tint: "#fffaf0",
      attenuation: "#c0702a",
      attenuationDistance: 0.02,
      thickness: 0.026,
      ior: 1.4,
    });
    const clear = kit.glass("Pipette glass", {
      tint: "#ffffff",
      attenuation: "#f4f8f6",
      attenuationDistance: 0.5,
      thickness: 0.001,
    });
    const gold = kit.metal("Gold", "#ddb463", 0.2);
    const rubber = kit.basic("Black rubber", "#151515", 0, 0.55);

    // Glass: Ø 3.2 cm, shoulder at 5.2 cm, neck Ø 1.5 cm up to 7.3 cm.
    // Walls 1.5 mm, base 3 mm.
    const bottle = lathe(
      cm([
        chain(
          [[0, 0]],
          [[1.45, 0]],
          arc(1.45, 0.15, 0.15, -90, 0, 5),
          densify(
            [
              [1.6, 0.15],
              [1.6, 5.2],
            ],
            0.4,
          ),
          arc(0.9, 5.2, 0.7, 0, 90, 12),
          arc(0.9, 6.05, 0.15, -90, -180, 4),
          densify(
            [
              [0.75, 6.05],
              [0.75, 7.25],
            ],
            0.3,
          ),
          arc(0.7, 7.25, 0.05, 0, 90, 3),
        ),
        chain([
          [0.7, 7.3],
          [0.65, 7.3],
        ]),
        chain(
          arc(0.65, 7.25, 0.05, 90, 180, 3),
          densify(
            [
              [0.6, 7.25],
              [0.6, 6.05],
            ],
            0.3,
          ),
          arc(0.9, 6.05, 0.3, -180, -90, 4),
          arc(0.9, 5.2, 0.55, 90, 0, 12),
          densify(
            [
              [1.45, 5.2],
              [1.45, 0.45],
            ],
            0.4,
          ),
          arc(1.3, 0.45, 0.15, 0, -90, 5),
          [[0, 0.3]],
        ),
      ]),
      96,
    );
    // Serum fills to 4.4 cm, a hair inside the inner wall.
    const liquid = lathe(
      cm([
        chain(
          [[0, 0.305]],
          [[1.3, 0.305]],
          arc(1.3, 0.45, 0.145, -90, 0, 5),
          densify(
            [
              [1.445, 0.45],
              [1.445, 4.4],
            ],
            0.5,
          ),
        ),
        chain([
          [1.445, 4.4],
          [0, 4.4],
        ]),
      ]),
      96,
    );
    // Pipette: thin glass tube with a tapered tip, hidden top inside the collar.
    const pipette = lathe(
      cm([
        chain(
          [[0, 1.0]],
          arc(0, 1.15, 0.15, -90, -60, 2),
          [
            [0.12, 1.6],
            [0.3, 2.3],
          ],
          densify(
            [
              [0.3, 2.3],
              [0.3, 7.6],
            ],
            0.6,
          ),
        ),
        chain([
          [0.3, 7.6],
          [0, 7.6],
        ]),
      ]),
      48,
    );
    // Gold collar: covers the neck from 6.25 to 7.75 cm.
    const collar = lathe(
      cm([
        chain([[0, 6.25]], [[0.86, 6.25]], arc(0.86, 6.33, 0.08, -90, 0, 3)),
        densify(
          [
            [0.94, 6.33],
            [0.94, 7.6],
          ],
          0.3,
        ),
        chain(arc(0.79, 7.6, 0.15, 0, 90, 5), [[0.5, 7.75]]),
        chain([
          [0.5, 7.75],
          [0, 7.75],
        ]),
      ]),
      96,
    );
    // Rubber bulb: flange, waist, cylindrical body and domed top.
    const bulb = lathe(
      cm([
        chain(
          [[0, 7.72]],
          [[0.62, 7.72]],
          arc(0.62, 7.8, 0.08, -90, 0, 3),
          [[0.7, 7.95]],
          arc(0.62, 7.95, 0.08, 0, 90, 3),
        ),
        chain(
          [
            [0.62, 8.03],
            [0.5, 8.1],
          ],
          [
            [0.48, 8.3],
            [0.52, 8.7],
          ],
          densify(
            [
              [0.55, 8.9],
              [0.57, 9.7],
            ],
            0.2,
          ),
          arc(0, 9.7, 0.57, 0, 90, 12),
        ),
      ]),
      96,
    );
    return {
      parts: [
        { name: "Bottle", mesh: bottle, material: amber },
        { name: "Serum", mesh: liquid, material: serum },
        { name: "Pipette", mesh: pipette, material: clear },
        { name: "Collar", mesh: collar, material: gold },
        { name: "Bulb", mesh: bulb, material: rubber },
      ],
    };
  },
};

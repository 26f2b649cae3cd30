/**
 * Candle in a glass: thick-based clear tumbler (closed lathe: outer wall,
 * rounded rim, inner wall, base), wax fill with a soft melt-pool dip and a
 * slightly bent wick.
 */
import type { ProductDef } from "../assemble";
import { arc, chain, cm, densify, lathe, rotateX, translate } from "../geometry";

export const candle: ProductDef = {
  slug: "candle-glass",
  name: "Candle in glass",
  build(_doc, kit) {
    const glass = kit.glass("Clear glass", {
      tint: "#f6faf8",
      attenuation: "#d9ebe3",
      attenuationDistance: 0.2,
      thickness: 0.0035,
    });
    const wax = kit.basic("Wax", "#eddcc2", 0, 0.6);
    wax.setEmissiveFactor([0.035, 0.026, 0.016]);
    const wick = kit.basic("Wick", "#1c1714", 0, 0.9);

    // Tumbler: Ø 8 cm x 9 cm, 3.5 mm walls, 8 mm base.
    const tumbler = lathe(
      cm([
        chain(
          [[0, 0]],
          [[3.8, 0]],
          arc(3.8, 0.2, 0.2, -90, 0, 5),
          densify(
            [
              [4.0, 0.2],
              [4.0, 8.9],
            ],
            0.5,
          ),
          arc(3.825, 8.9, 0.175, 0, 180, 12),
          densify(
            [
              [3.65, 8.9],
              [3.65, 1.2],
            ],
            0.5,
          ),
          arc(3.25, 1.2, 0.4, 0, -90, 8),
          [[0, 0.8]],
        ),
      ]),
      128,
    );
    // Wax: fills to ~6.5 cm with a shallow melt-pool dip in the middle.
    const waxTop: [number, number][] = [];
    for (let s = 0; s <= 12; s++) {
      const r = 3.56 * (1 - s / 12);
      const t = r / 3.56;
      waxTop.push([r, 6.3 + 0.18 * t * t]);
    }
    const waxBody = lathe(
      cm([
        chain(
          [[0, 0.805]],
          [[3.25, 0.805]],
          arc(3.25, 1.2, 0.395, -90, 0, 8),
          densify(
            [
              [3.645, 1.2],
              [3.645, 6.4],
            ],
            0.5,
          ),
        ),
        chain(arc(3.565, 6.4, 0.08, 0, 90, 4), [[3.56, 6.48]], waxTop),
      ]),
      128,
    );
    // Wick: 1.4 mm thick, sunk into the wax, slightly bent.
    const w = lathe(
      cm([
        chain(
          [
            [0, 5.8],
            [0.07, 5.8],
          ],
          densify(
            [
              [0.07, 5.8],
              [0.07, 6.95],
            ],
            0.2,
          ),
          arc(0, 6.95, 0.07, 0, 90, 4),
        ),
      ]),
      16,
    );
    translate(w, 0, -0.063, 0);
    rotateX(w, 0.12);
    translate(w, 0, 0.063, 0);

    return {
      parts: [
        { name: "Glass", mesh: tumbler, material: glass },
        { name: "Wax", mesh: waxBody, material: wax },
        { name: "Wick", mesh: w, material: wick },
      ],
    };
  },
};

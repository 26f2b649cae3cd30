/**
 * Perfume bottle: thick-walled rounded glass flacon (outer shell + inner
 * cavity), tinted liquid inside, gold collar and a square polished gold cap.
 */
import type { ProductDef } from "../assemble";
import { arc, chain, cm, lathe, merge, roundedBox, translate } from "../geometry";

export const perfume: ProductDef = {
  slug: "perfume-bottle",
  name: "Perfume bottle",
  build(_doc, kit) {
    const glass = kit.glass("Glass", {
      tint: "#fbf4f6",
      attenuation: "#f3dde6",
      attenuationDistance: 0.12,
      thickness: 0.006,
    });
    // The juice is a second transmissive volume, amber over its 2.4 cm depth: what stands behind the bottle shows
    // through it, darker and warmer (components/scene/nested-transmission.ts keeps it visible inside the glass).
    const liquid = kit.glass("Perfume", {
      tint: "#fff8f2",
      attenuation: "#de9058",
      attenuationDistance: 0.03,
      thickness: 0.0238,
      ior: 1.36,
    });
    const gold = kit.metal("Gold", "#e3b765", 0.12);

    // Body: 5.6 x 7.2 x 3.4 cm, 5 mm walls, 1 cm solid base.
    const outer = translate(
      roundedBox({ size: [0.056, 0.072, 0.034], radius: 0.006, bevelSteps: 8, flatSteps: 2 }),
      0,
      0.036,
      0,
    );
    const cavity = translate(
      roundedBox({ size: [0.046, 0.056, 0.024], radius: 0.0035, bevelSteps: 6, inside: true }),
      0,
      0.038,
      0,
    );
    const body = merge(outer, cavity);
    // Liquid fills the cavity to ~80 %, a hair smaller so surfaces never touch.
    const juice = translate(
      roundedBox({ size: [0.0458, 0.0458, 0.0238], radius: 0.0034, bevelSteps: 6 }),
      0,
      0.0101 + 0.0458 / 2,
      0,
    );
    // Collar ring on the neck (slightly sunk into the glass top).
    const collar = lathe(
      cm([
        chain([[0, 7.18]], [[0.9, 7.18]], arc(0.9, 7.26, 0.08, -90, 0, 4)),
        chain([
          [0.98, 7.26],
          [0.98, 7.62],
        ]),
        chain(arc(0.9, 7.62, 0.08, 0, 90, 4), [[0, 7.7]]),
      ]),
      96,
    );
    const cap = translate(
      roundedBox({ size: [0.028, 0.026, 0.028], radius: 0.0035, bevelSteps: 8 }),
      0,
      0.0769 + 0.013,
      0,
    );

    return {
      parts: [
        { name: "Bottle", mesh: body, material: glass },
        { name: "Liquid", mesh: juice, material: liquid },
        { name: "Collar", mesh: collar, material: gold },
        { name: "Cap", mesh: cap, material: gold },
      ],
    };
  },
};

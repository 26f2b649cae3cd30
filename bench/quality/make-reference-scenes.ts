/**
 * Writes the three fixed reference scenes of bench:quality (bench/quality/scenes/*.json) from built-in templates.
 * Run once (`npx tsx bench/quality/make-reference-scenes.ts`); the JSON is committed and then never regenerated
 * implicitly, so later template changes do not move the baseline: the scenes are the measuring stick.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getSampleProduct } from "../../lib/products/samples";
import { getBuiltInTemplate } from "../../lib/scene/templates";
import { instantiateTemplate } from "../../lib/templates/instantiate";
import type { ReferenceScene } from "./reference-scene";

const SCENES: { id: string; description: string; templateId: string; productId: string; marble?: boolean }[] = [
  {
    id: "glass-podium-props",
    description: "Glass perfume bottle (glass, liquid, gold cap) on a cylinder podium with a gold torus and sphere",
    templateId: "luxury-noir-gold",
    productId: "sample_perfume-bottle",
  },
  {
    id: "metal-rubber-marble",
    description:
      "Serum dropper (amber glass, gold collar, black rubber bulb) on a marble podium with marble and gold props",
    templateId: "marble-carrara",
    productId: "sample_serum-dropper",
    marble: true,
  },
  {
    id: "textured-lifestyle",
    description: "Printed kraft box (textured label) in the botanical lifestyle set (leaves, pebbles)",
    templateId: "botanical-olive",
    productId: "sample_kraft-box",
  },
];

const out = path.join(__dirname, "scenes");
mkdirSync(out, { recursive: true });
for (const scene of SCENES) {
  const template = getBuiltInTemplate(scene.templateId);
  const sample = getSampleProduct(scene.productId);
  if (!template || !sample) throw new Error(`unknown ${scene.templateId} or ${scene.productId}`);
  const document = instantiateTemplate(template, { productId: sample.id, productSize: sample.dimensionsM });
  // A real floor in the colour of the (now solid) backdrop: the path tracer has no shadow-catcher material, so
  // the shadows it traces need a surface to fall on, and a screen-space gradient is not an environment it can
  // sample. Final draws the same floor and backdrop, so both pictures show one scene.
  const backdrop =
    document.background.kind === "gradient"
      ? document.background.to
      : document.background.kind === "solid"
        ? document.background.color
        : null;
  document.stage.floor.visible = true;
  if (backdrop) {
    document.stage.floor.color = backdrop;
    document.background = { kind: "solid", color: backdrop };
  }
  if (scene.marble) {
    // The v5 finish: renders plain until the surface renderer lands, and marble from then on (same document).
    if (document.stage.podium) document.stage.podium.surface = "marble";
    for (const prop of document.stage.props) if (prop.metalness === 0) prop.surface = "marble";
  }
  const file: ReferenceScene = {
    id: scene.id,
    description: scene.description,
    templateId: scene.templateId,
    productId: scene.productId,
    document,
  };
  writeFileSync(path.join(out, `${scene.id}.json`), JSON.stringify(file, null, 2) + "\n");
  console.log(`wrote ${scene.id}.json`);
}

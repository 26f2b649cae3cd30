import { batchNameParts } from "./batch-title";

/** The longest slug one name part becomes in a file name. */
export const SLUG_MAX = 40;

/**
 * Readable download names: `serum-bottle_pastel-podium_4x5_1080x1350.png`. A long name is cut at the last word
 * that fits ("...-packaging-2922", never "...-packaging-2922-bo"); only a single word longer than the limit is cut
 * inside itself.
 */
export function slugify(text: string, fallback = "untitled", max = SLUG_MAX): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cutAtWord(slug, max) || fallback;
}

function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // The character after the cut tells whether the cut fell between words.
  if (slug[max] === "-") return slug.slice(0, max);
  const lastBreak = slug.lastIndexOf("-", max);
  return lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, max);
}

export function ratioSlug(label: string): string {
  return (
    label
      .replace(/[^0-9a-z]+/gi, "x")
      .replace(/^x+|x+$/g, "")
      .toLowerCase() || "custom"
  );
}

/**
 * `product_scene` for every file of one export: the scene's parts that repeat the product are left out (a scene
 * "Lantern · Ivory minimal" of the product "Lantern" gives `lantern_ivory-minimal`).
 */
export function batchFileStem(productName: string, sceneName: string): string {
  const [product, ...scene] = batchNameParts(productName, sceneName);
  const productSlug = slugify(product ?? "", "product");
  const sceneSlug = slugify(scene.join(" "), "");
  return sceneSlug && sceneSlug !== productSlug ? `${productSlug}_${sceneSlug}` : productSlug;
}

/** `lantern_ivory-minimal_4x5_1080x1350.png`; an extra shot's files carry its name: `..._top-down_9x16_1080x1920.png`. */
export function renderFileName(input: {
  productName: string;
  sceneName: string;
  label: string;
  width: number;
  height: number;
  format: string;
  /** The extra shot's label (issue 19); absent for the main shot, whose names stay as they were. */
  shotLabel?: string | null;
}): string {
  const shot = input.shotLabel ? `_${slugify(input.shotLabel, "shot")}` : "";
  return `${batchFileStem(input.productName, input.sceneName)}${shot}_${ratioSlug(input.label)}_${input.width}x${input.height}.${input.format}`;
}

/** The ZIP of one export: `lantern_ivory-minimal_2026-12-02.zip`. */
export function batchZipName(productName: string, sceneName: string, createdAt: Date): string {
  return `${batchFileStem(productName, sceneName)}_${createdAt.toISOString().slice(0, 10)}.zip`;
}

/** Two outputs of one batch never share a name inside the ZIP. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n === 0) return name;
    const dot = name.lastIndexOf(".");
    return `${name.slice(0, dot)}-${n + 1}${name.slice(dot)}`;
  });
}

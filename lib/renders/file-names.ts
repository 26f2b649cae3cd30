/** Readable download names: `serum-bottle_pastel-podium_4x5_1080x1350.png`. */
export function slugify(text: string, fallback = "untitled"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || fallback;
}

export function ratioSlug(label: string): string {
  return (
    label
      .replace(/[^0-9a-z]+/gi, "x")
      .replace(/^x+|x+$/g, "")
      .toLowerCase() || "custom"
  );
}

export function renderFileName(input: {
  productName: string;
  sceneName: string;
  label: string;
  width: number;
  height: number;
  format: string;
}): string {
  return `${slugify(input.productName, "product")}_${slugify(input.sceneName, "scene")}_${ratioSlug(input.label)}_${input.width}x${input.height}.${input.format}`;
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

/**
 * The parts that name an export: the product, then the scene's own parts. Scenes made from a template are named
 * "<product> · <template>", so a batch would otherwise read "Lantern · Lantern · Ivory minimal". A part already
 * said (compared without case, accents or punctuation) is left out.
 */
export function batchNameParts(productName: string, sceneName: string): string[] {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const raw of [productName, ...sceneName.split("·")]) {
    const part = raw.trim();
    const key = comparable(part);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    parts.push(part);
  }
  return parts;
}

/** The heading of an export on the Renders page: "Lantern · Ivory minimal". */
export function batchTitle(productName: string, sceneName: string): string {
  return batchNameParts(productName, sceneName).join(" · ") || "Untitled export";
}

function comparable(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

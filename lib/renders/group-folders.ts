/** A product's name as a ZIP folder: no slashes, dots-only or control characters, at most 80 characters. */
export function safeFolderName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .replace(/^\.+$/, "");
  return cleaned || "Product";
}

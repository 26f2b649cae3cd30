/**
 * npx tsx scripts/generate-icons.ts — the app's icons, drawn from the brand mark in components/ui/logo.tsx (a
 * product on a plinth), written into app/ (Next.js serves favicon.ico, icon.svg and apple-icon.png by file
 * convention and links them from every page) and public/icons/ (the web manifest's PNGs, app/manifest.ts).
 * The outputs are committed; run this again after changing the mark.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const ROOT = path.resolve(__dirname, "..");

/** The logo's shapes (24×24 user units), kept in step with components/ui/logo.tsx. */
const MARK = `
  <ellipse cx="12" cy="18" rx="9" ry="3" fill="#c7d2fe" />
  <rect x="5" y="12" width="14" height="6" rx="1" fill="#4f46e5" />
  <ellipse cx="12" cy="12" rx="7" ry="2.4" fill="#818cf8" />
  <circle cx="12" cy="7" r="3.2" fill="#1c1917" />`;

/** The mark spans x 3-21, y 3.8-21: a square around its centre (12, 12.4), `padding` units of room each side. */
function svg({ tile, padding }: { tile: string | null; padding: number }): string {
  const size = 18 + padding * 2;
  const [x, y] = [12 - size / 2, 12.4 - size / 2].map((v) => Number(v.toFixed(2)));
  const background = tile
    ? `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${(size * 0.22).toFixed(2)}" fill="${tile}" />`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${size} ${size}">${background}${MARK}</svg>\n`;
}

const png = (source: string, px: number) =>
  sharp(Buffer.from(source), { density: Math.ceil((72 * px) / 18) + 1 })
    .resize(px, px)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An .ico holding PNG images (every browser since IE 11 reads them): header, one directory entry each, the data. */
function ico(images: { px: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { px, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(px >= 256 ? 0 : px, 0);
    entry.writeUInt8(px >= 256 ? 0 : px, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  const write = (file: string, data: Buffer | string) => {
    fs.writeFileSync(path.join(ROOT, file), data);
    console.log(`wrote ${file} (${Buffer.byteLength(data)} bytes)`);
  };
  // Tabs and bookmarks: the bare mark, transparent, with little padding so it reads at 16 px.
  const bare = svg({ tile: null, padding: 0.6 });
  write("app/icon.svg", bare);
  write("app/favicon.ico", ico(await Promise.all([16, 32, 48].map(async (px) => ({ px, data: await png(bare, px) })))));
  // Home screens: iOS fills transparency with black, and launchers mask the corners, so these get a light tile.
  const tiled = svg({ tile: "#eef2ff", padding: 4.5 });
  write("app/apple-icon.png", await png(tiled, 180));
  for (const px of [192, 512]) write(`public/icons/icon-${px}.png`, await png(tiled, px));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import type { ViewOffset } from "@/lib/render-contract/view-offset";
import type { SessionJob } from "./browser";
import type { Frame } from "./frame";

/**
 * Very large outputs are drawn as tiles. A 4096x4096 Final frame in one piece
 * needed about 1.9 GB (multisampled colour + depth buffers in Chromium's GPU
 * process, plus the readback); tiles no larger than 2048 px a side keep the
 * worker at its 1080p-class footprint, and outputs of any size become possible.
 */
export const MAX_TILE = 2048;
/**
 * Tiles are drawn with this many extra pixels on their inner edges and cropped:
 * glass refracts what the transmission pass saw around it, which at a tile's
 * edge would otherwise be cut off and show as a seam.
 */
export const TILE_OVERLAP = 32;

export type Rect = { x: number; y: number; width: number; height: number };
export type TilePlan = { drawn: Rect; kept: Rect };

/** Splits width x height into an even grid of tiles of at most `maxTile` px (plus overlap); one tile when it fits. */
export function planTiles(width: number, height: number, maxTile = MAX_TILE, overlap = TILE_OVERLAP): TilePlan[] {
  const split = (length: number) => {
    const count = Math.ceil(length / maxTile);
    return Array.from({ length: count }, (_, i) => {
      const start = Math.round((i * length) / count);
      const end = Math.round(((i + 1) * length) / count);
      return { start, end, drawStart: Math.max(0, start - overlap), drawEnd: Math.min(length, end + overlap) };
    });
  };
  const tiles: TilePlan[] = [];
  for (const row of split(height)) {
    for (const column of split(width)) {
      tiles.push({
        kept: { x: column.start, y: row.start, width: column.end - column.start, height: row.end - row.start },
        drawn: {
          x: column.drawStart,
          y: row.drawStart,
          width: column.drawEnd - column.drawStart,
          height: row.drawEnd - row.drawStart,
        },
      });
    }
  }
  return tiles;
}

/** Copies the kept part of each drawn tile into one frame. */
export function stitchTiles(width: number, height: number, tiles: { plan: TilePlan; frame: Frame }[]): Frame {
  const rgba = Buffer.alloc(width * height * 4);
  for (const { plan, frame } of tiles) {
    const { drawn, kept } = plan;
    if (frame.width !== drawn.width || frame.height !== drawn.height) {
      throw new Error(`Tile drawn ${frame.width}x${frame.height} instead of ${drawn.width}x${drawn.height}`);
    }
    const rowBytes = kept.width * 4;
    for (let row = 0; row < kept.height; row++) {
      const source = ((kept.y - drawn.y + row) * drawn.width + (kept.x - drawn.x)) * 4;
      frame.rgba.copy(rgba, ((kept.y + row) * width + kept.x) * 4, source, source + rowBytes);
    }
  }
  return { rgba, width, height };
}

/** Draws a job in one piece when it fits a tile, else tile by tile (one after another on the same page) and stitches. */
export async function renderInTiles(
  render: (job: SessionJob) => Promise<Frame>,
  job: SessionJob & { size: { width: number; height: number } },
  maxTile = MAX_TILE,
): Promise<Frame> {
  const { width, height } = job.size;
  const plans = planTiles(width, height, maxTile);
  if (plans.length === 1) return render(job);
  // Studio: the image's budget is shared by its tiles (each is traced on its own), so it takes the time it said.
  const trace = job.trace && { budgetMs: job.trace.budgetMs / plans.length };
  const tiles: { plan: TilePlan; frame: Frame }[] = [];
  for (const plan of plans) {
    const viewOffset: ViewOffset = { fullWidth: width, fullHeight: height, ...plan.drawn };
    tiles.push({
      plan,
      frame: await render({ ...job, size: { width: plan.drawn.width, height: plan.drawn.height }, viewOffset, trace }),
    });
  }
  const stitched = stitchTiles(width, height, tiles);
  // The image is as clean as its noisiest tile.
  const traced = tiles.flatMap((t) => (t.frame.trace ? [t.frame.trace] : []));
  if (traced.length === 0) return stitched;
  return {
    ...stitched,
    trace: {
      samples: Math.min(...traced.map((t) => t.samples)),
      traceMs: traced.reduce((sum, t) => sum + t.traceMs, 0),
    },
  };
}

/**
 * Shots x ratios (issue 19): what one export renders. The main shot (the document's own camera) renders the sizes
 * the request picks, as before shots existed; each extra shot renders its own ratios (the document's outputs it
 * names), at the request's multiplier, so one click gives every shot in every ratio it was made for. Pure: the
 * export dialog counts and prices with it what the server will write.
 */
import { AppError } from "@/lib/errors";
import type { SceneDocument } from "@/lib/scene";
import { ratioLabel } from "@/lib/templates/ratio";
import { MAX_OUTPUT_PX, planOutputs, type ExportRequest, type PlannedOutput } from "./export-options";

/** One export's ceiling on images, shots included (16 formats of the main shot, or 8 shots in a few ratios each). */
export const MAX_IMAGES_PER_EXPORT = 64;

export type ShotRef = { id: string; label: string };
/** `ratio`: the format's own label ("9:16"), which file names carry; `label` adds the shot ("Top-down · 9:16"). */
export type PlannedShotOutput = PlannedOutput & { ratio: string; shot: ShotRef | null };

/** A size times the multiplier, scaled down (ratio kept) so the long side stays within maxPx (as planOutputs). */
function scaled(width: number, height: number, multiplier: number, maxPx: number) {
  let w = width * multiplier;
  let h = height * multiplier;
  const long = Math.max(w, h);
  if (long > maxPx) {
    w = (w * maxPx) / long;
    h = (h * maxPx) / long;
  }
  return { width: Math.max(16, Math.round(w)), height: Math.max(16, Math.round(h)) };
}

/** The shots a request asks for, in the document's order; an id the document lacks is refused by name. */
export function requestedShots(document: Pick<SceneDocument, "shots">, request: Pick<ExportRequest, "shots">) {
  if (request.shots === undefined) return document.shots;
  const unknown = request.shots.find((id) => !document.shots.some((s) => s.id === id));
  if (unknown)
    throw new AppError("unprocessable", `This scene has no shot "${unknown}".`, {
      shots: `Unknown shot "${unknown}": pick one of the scene's shots.`,
    });
  return document.shots.filter((s) => request.shots!.includes(s.id));
}

/**
 * Every image of the export, main shot first, then each shot's ratios in the order its outputIds list them.
 * `maxPx` lowers the long-side cap (a test API key's small drafts). Throws a 422 AppError when nothing or too much
 * would be rendered.
 */
export function planExport(
  document: Pick<SceneDocument, "shots" | "outputs">,
  request: ExportRequest,
  { maxPx = MAX_OUTPUT_PX }: { maxPx?: number } = {},
): PlannedShotOutput[] {
  const main = planOutputs(request, maxPx).map((o) => ({ ...o, ratio: o.label, shot: null }));
  const shots = requestedShots(document, request).flatMap((shot) =>
    shot.outputIds.flatMap((id) => {
      const output = document.outputs.find((o) => o.id === id);
      // The scene schema guarantees the id exists; a stale one is skipped rather than rendered at a guessed size.
      if (!output) return [];
      const ratio = ratioLabel(output.width, output.height);
      return [
        {
          label: `${shot.label} · ${ratio}`,
          ratio,
          ...scaled(output.width, output.height, request.multiplier, maxPx),
          shot: { id: shot.id, label: shot.label },
        },
      ];
    }),
  );
  const planned = [...main, ...shots];
  if (planned.length === 0)
    throw new AppError("unprocessable", "Pick at least one format.", { outputs: "Pick at least one format." });
  if (planned.length > MAX_IMAGES_PER_EXPORT)
    throw new AppError(
      "unprocessable",
      `This export asks for ${planned.length} images; at most ${MAX_IMAGES_PER_EXPORT} at once. Pick fewer shots or formats.`,
      { shots: `At most ${MAX_IMAGES_PER_EXPORT} images at once.` },
    );
  return planned;
}

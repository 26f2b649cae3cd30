/**
 * What the Renders page may say about a failed or retried image: a fixed set of
 * plain sentences. The worker stores one of these (worker/failures.ts) and keeps
 * the technical detail (stack traces, "page.evaluate: ...") in its log only.
 */
export const RENDER_FAILURE = {
  timeout: "The renderer took too long to draw this image.",
  crash: "The renderer stopped unexpectedly.",
  storage: "The image could not be saved: storage is full or not writable.",
  model: "This model could not be drawn. Try uploading it again (a .glb file works best).",
  missingModel: "The product's 3D model is missing; it may have been deleted.",
  scene: "This scene could not be read. Open it in the editor, save it and export again.",
  badImage: "The renderer produced an empty or wrong-sized image.",
  unavailable: "Rendering is not available on this server right now.",
  unknown: "Something went wrong while drawing this image.",
  cancelled: "Cancelled; its credits were refunded.",
  gifBudget: "The GIF would be over its 2 MB budget: pick a shorter duration.",
} as const;

const KNOWN = new Set<string>(Object.values(RENDER_FAILURE));
const RETRYING = "Retrying: ";

/**
 * The stored error as the page shows it: one of the sentences above (optionally
 * "Retrying: ..."), anything else (rows written before messages were translated) generic.
 */
export function shownRenderError(stored: string | null): string | null {
  if (stored === null) return null;
  const retrying = stored.startsWith(RETRYING);
  const message = retrying ? stored.slice(RETRYING.length) : stored;
  return (retrying ? RETRYING : "") + (KNOWN.has(message) ? message : RENDER_FAILURE.unknown);
}

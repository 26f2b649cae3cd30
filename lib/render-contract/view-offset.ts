/**
 * One window of a larger picture: the canvas (width x height) draws only the
 * part of the full frame (fullWidth x fullHeight) whose top-left corner is at
 * x, y. The render worker draws very large outputs as tiles this way, so no
 * single WebGL frame, and no single readback, needs gigabytes.
 */
export type ViewOffset = { fullWidth: number; fullHeight: number; x: number; y: number; width: number; height: number };

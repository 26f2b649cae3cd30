/**
 * Performance marks for the moments a visitor sees: the first frame that shows the product, and the first frame
 * drawn through the finished look (the editor adds the look when its chunk arrives). bench/editor.ts reads them
 * (times from navigation start); each is set once per page, so the render worker's thousands of frames add nothing.
 */
export const FIRST_FRAME_MARK = "plinth:scene-first-frame";
export const LOOK_FRAME_MARK = "plinth:scene-look-frame";

const marked = new Set<string>();

export function markOnce(name: typeof FIRST_FRAME_MARK | typeof LOOK_FRAME_MARK): void {
  if (marked.has(name) || typeof performance === "undefined" || !performance.mark) return;
  marked.add(name);
  performance.mark(name);
}

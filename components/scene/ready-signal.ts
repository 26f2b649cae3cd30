"use client";
/**
 * Reports when the frame for a given render key has actually been drawn.
 * Mounted inside the same Suspense boundary as every asset, so its effect
 * runs only once everything is loaded and committed (contact shadows
 * render inside the first frame after it). It then requests a frame and
 * reports after R3F finishes rendering it: with preserveDrawingBuffer the
 * canvas then holds the final image.
 */
import { addAfterEffect, useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { FIRST_FRAME_MARK, markOnce } from "./frame-marks";

export function ReadySignal({
  renderKey,
  onRendered,
  renderOnce,
}: {
  renderKey: string;
  onRendered: (renderKey: string) => void;
  /** No render loop (frameloop "never"): draw this document once, by hand, when the canvas has this size. */
  renderOnce?: { width: number; height: number } | null;
}) {
  const invalidate = useThree((state) => state.invalidate);
  const advance = useThree((state) => state.advance);
  const width = useThree((state) => state.size.width);
  const height = useThree((state) => state.size.height);
  const manual = renderOnce !== undefined;
  const sized = !renderOnce || (renderOnce.width === width && renderOnce.height === height);

  const setSize = useThree((state) => state.setSize);
  const wantedWidth = renderOnce?.width;
  const wantedHeight = renderOnce?.height;

  useEffect(() => {
    if (!manual) return;
    if (!sized && wantedWidth !== undefined && wantedHeight !== undefined) {
      // R3F would learn the new size from a ResizeObserver, which reports only in the page's next rendering frame:
      // on a render worker that frame waits for the GPU process, busy drawing the job before (worker/browser.ts
      // lets the next job start then). The size is known, so it is set here; this effect runs again once it is in.
      setSize(wantedWidth, wantedHeight);
      return;
    }
    if (!sized) return;
    // One frame, drawn now: contact shadows (useFrame), texture uploads, shader compiles, PMREM and
    // the transmission pass all happen inside it.
    advance(performance.now() / 1000, true);
    markOnce(FIRST_FRAME_MARK);
    onRendered(renderKey);
  }, [manual, sized, wantedWidth, wantedHeight, setSize, renderKey, onRendered, advance]);

  useEffect(() => {
    if (manual) return;
    let done = false;
    const unsubscribe = addAfterEffect(() => {
      if (done) return;
      // The first render after this commit draws everything: contact shadows
      // render in their first frame, and texture uploads, shader compiles,
      // PMREM and the transmission pass all happen synchronously inside it.
      done = true;
      markOnce(FIRST_FRAME_MARK);
      onRendered(renderKey);
    });
    invalidate();
    return () => {
      done = true;
      unsubscribe();
    };
  }, [manual, renderKey, onRendered, invalidate]);
  return null;
}

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

export function ReadySignal({ renderKey, onRendered }: { renderKey: string; onRendered: (renderKey: string) => void }) {
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    let done = false;
    const unsubscribe = addAfterEffect(() => {
      if (done) return;
      // The first render after this commit draws everything: contact shadows
      // render in their first frame, and texture uploads, shader compiles,
      // PMREM and the transmission pass all happen synchronously inside it.
      done = true;
      onRendered(renderKey);
    });
    invalidate();
    return () => {
      done = true;
      unsubscribe();
    };
  }, [renderKey, onRendered, invalidate]);
  return null;
}

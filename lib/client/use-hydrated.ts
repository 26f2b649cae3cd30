"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML and during hydration, true from the render right after: lets a component send only its
 * first screen in the HTML and add the rest once the page runs in the browser (server rendering costs CPU per
 * element on every request; the browser does it once).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While rendering is paused, asks the server again every 15 s, so the banner goes once a worker can draw
 * (or, with `once`, a single time a few seconds after the page opened).
 */
export function RefreshWhilePaused({ once = false }: { once?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => document.visibilityState === "visible" && router.refresh();
    if (once) {
      const timer = setTimeout(refresh, 5_000);
      return () => clearTimeout(timer);
    }
    const timer = setInterval(refresh, 15_000);
    return () => clearInterval(timer);
  }, [router, once]);
  return null;
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { call } from "@/lib/client/api";
import type { MemberReviews } from "./album-review-lightbox";

/**
 * The comments and states of an album's items, loaded when a member opens the review view and again after each
 * comment or decision; the page is refreshed too so the badges and "n of m approved" follow.
 */
export function useAlbumReviews(subjectIds: string[]) {
  const router = useRouter();
  const [reviews, setReviews] = useState<MemberReviews | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const ids = subjectIds.join(",");

  const load = useCallback(async () => {
    const result = await call<MemberReviews>("GET", `/api/reviews?ids=${encodeURIComponent(ids)}`, undefined, {
      fallback: "Could not load the comments.",
    });
    if (result.ok) {
      setReviews(result.data);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, [ids]);
  const reviewed = useCallback(async () => {
    await load();
    router.refresh();
  }, [load, router]);
  return { reviews, loadError, load, reviewed };
}

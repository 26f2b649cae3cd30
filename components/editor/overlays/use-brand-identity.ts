"use client";
import { useEffect, useState } from "react";
import type { BrandIdentityView } from "@/lib/brand/brand-identity";

/** The workspace's brand logo and fonts, for the Overlays panel; null while loading, an error message if it failed. */
export function useBrandIdentity(): { identity: BrandIdentityView | null; error: string | null } {
  const [identity, setIdentity] = useState<BrandIdentityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/brand-kit/identity")
      .then(async (res) => {
        if (!res.ok) throw new Error(`The brand kit could not be loaded (${res.status}).`);
        return (await res.json()) as BrandIdentityView;
      })
      .then((value) => !cancelled && setIdentity(value))
      .catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, []);
  return { identity, error };
}

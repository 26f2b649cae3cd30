"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text`; says "Copied" for a moment (and where the clipboard is unavailable, selects nothing silently). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      className="px-3 py-1.5 text-xs"
      data-testid={testId}
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => {});
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}

"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The signing secret, shown this once: Plinth never shows it again. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section
      role="status"
      aria-labelledby="secret-title"
      className="rounded-2xl border border-amber-300 bg-amber-50 p-6"
      data-testid="webhook-secret"
    >
      <h2 id="secret-title" className="text-base font-semibold text-amber-900">
        Copy the signing secret now
      </h2>
      <p className="mt-1 text-sm text-amber-900">
        Your endpoint verifies each request with it. It is shown only this once.
      </p>
      <code className="mt-3 block break-all rounded-lg bg-white px-3 py-2 text-sm">{secret}</code>
      <div className="mt-3 flex gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </section>
  );
}

"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The secret of a key just made: shown this once (only its hash is kept), with a copy button. */
export function NewKeySecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="mt-4 space-y-3" data-testid="new-api-key">
      <Alert tone="success">
        “{name}” was created. Copy the key now: it is shown only once, and Plinth keeps only a hash of it.
      </Alert>
      <label className="block text-sm font-medium text-ink" htmlFor="new-api-key-secret">
        Your key
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="new-api-key-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border border-line-strong bg-canvas-sunken px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <Button onClick={onDone}>Done</Button>
    </div>
  );
}

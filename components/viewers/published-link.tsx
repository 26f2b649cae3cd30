"use client";

import { iframeSnippet, webComponentSnippet } from "@/lib/viewers/embed";
import { CopyButton } from "./copy-button";

/**
 * The new viewer's link and embed code, shown once: Plinth keeps only a fingerprint of the link (so a leaked
 * database opens nothing), and cannot show it again.
 */
export function PublishedLink({ url, productName, onDone }: { url: string; productName: string; onDone: () => void }) {
  const snippet = iframeSnippet(url, `${productName} in 3D`);
  const component = webComponentSnippet(url, `${productName} in 3D`);
  return (
    <div className="space-y-3 rounded-xl border border-indigo-200 bg-accent-soft p-4 text-sm" role="status">
      <p className="font-medium text-accent-ink">Your 3D viewer link</p>
      <p className="text-xs text-ink-soft">
        Copy it now: for safety Plinth keeps only a fingerprint of it and cannot show it again.
      </p>
      <input
        readOnly
        aria-label="Viewer link"
        value={url}
        data-testid="viewer-url"
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-lg border border-line-strong bg-white px-3 py-1.5 font-mono text-xs"
      />
      <label htmlFor="viewer-embed" className="block text-xs font-medium text-ink-soft">
        Embed code (works with AR)
      </label>
      <textarea
        id="viewer-embed"
        readOnly
        rows={3}
        value={snippet}
        data-testid="viewer-embed"
        onFocus={(e) => e.currentTarget.select()}
        className="w-full resize-none rounded-lg border border-line-strong bg-white px-3 py-1.5 font-mono text-xs"
      />
      <label htmlFor="viewer-web-component" className="block text-xs font-medium text-ink-soft">
        Web component (fills the width of your page, keeps a 4:3 shape)
      </label>
      <textarea
        id="viewer-web-component"
        readOnly
        rows={3}
        value={component}
        data-testid="viewer-web-component"
        onFocus={(e) => e.currentTarget.select()}
        className="w-full resize-none rounded-lg border border-line-strong bg-white px-3 py-1.5 font-mono text-xs"
      />
      <div className="flex flex-wrap gap-2">
        <CopyButton text={url} label="Copy link" />
        <CopyButton text={snippet} label="Copy embed code" />
        <CopyButton text={component} label="Copy web component" />
        <a className="px-2 py-1.5 text-xs text-accent-ink underline" href={url} target="_blank" rel="noreferrer">
          Open
        </a>
        <button type="button" className="ml-auto text-xs text-ink-muted hover:text-ink" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

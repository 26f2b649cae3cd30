"use client";

import { useState } from "react";
import { BatchRenderDialog, type TemplateChoice } from "@/components/renders/batch-render/batch-render-dialog";
import { Button } from "@/components/ui/button";

/**
 * "Render this product in these templates": under the gallery once templates are picked, the count and a button
 * that opens the Renders page's batch dialog with the product and the templates filled in (ratios, quality and
 * the credit check are the dialog's, as from the Renders page).
 */
export function RenderSelectedBar({
  productId,
  productName,
  selectedIds,
  templates,
  tinted,
  onClear,
}: {
  productId: string;
  productName: string;
  selectedIds: string[];
  templates: TemplateChoice[];
  tinted: boolean;
  onClear: () => void;
}) {
  const [open, setOpen] = useState(false);
  if (selectedIds.length === 0 && !open) return null;
  const count = selectedIds.length;
  return (
    <>
      <div
        className="sticky bottom-4 z-20 flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-line bg-white p-3 shadow-lg sm:px-4"
        role="region"
        aria-label="Selected templates"
        data-testid="render-selected-bar"
      >
        <p className="text-sm text-ink" aria-live="polite">
          <span className="font-medium">
            {count} {count === 1 ? "template" : "templates"}
          </span>{" "}
          selected for {productName}
        </p>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" onClick={onClear}>
            Clear
          </Button>
          <Button type="button" onClick={() => setOpen(true)} disabled={count === 0}>
            Render in {count === 1 ? "this template" : `these ${count} templates`}
          </Button>
        </div>
      </div>
      {open && (
        <BatchRenderDialog
          open={open}
          templates={templates}
          initialProductIds={[productId]}
          initialTemplateIds={selectedIds}
          tinted={tinted}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

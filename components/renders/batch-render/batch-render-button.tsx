"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BatchRenderDialog, type TemplateChoice } from "./batch-render-dialog";

/** The Renders page's "Render in batch": templates × products in one click. */
export function BatchRenderButton({ templates }: { templates: TemplateChoice[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Render in batch
      </Button>
      {open && (
        <BatchRenderDialog
          open={open}
          templates={templates}
          onClose={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      )}
    </>
  );
}

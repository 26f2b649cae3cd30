"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { withBuiltInTemplates } from "@/lib/templates/template-choices";
import { BatchRenderDialog, type TemplateChoice } from "./batch-render-dialog";

/**
 * The Renders page's "Render in batch": templates × products in one click. `ownTemplates`: the workspace's; the
 * built-in ones are added here (lib/templates/template-choices.ts).
 */
export function BatchRenderButton({ ownTemplates }: { ownTemplates: TemplateChoice[] }) {
  const [open, setOpen] = useState(false);
  const templates = useMemo(() => withBuiltInTemplates(ownTemplates), [ownTemplates]);
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

"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";

/** Editor toolbar: the scene (as last saved) becomes one of the workspace's own templates. */
export function SaveAsTemplateButton({ sceneId }: { sceneId: string }) {
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">("idle");
  async function save() {
    setState("saving");
    const result = await api.post("/api/templates/custom", { sceneId });
    setState(result.ok ? "saved" : "error");
    if (result.ok) setTimeout(() => setState("idle"), 2500);
  }
  return (
    <Button
      variant="secondary"
      className="py-1.5"
      onClick={() => void save()}
      pending={state === "saving"}
      title="Add this scene to Your templates"
      data-testid="save-as-template"
    >
      {state === "saved" ? "Saved to templates" : state === "error" ? "Couldn't save, retry" : "Save as template"}
    </Button>
  );
}

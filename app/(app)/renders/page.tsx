import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Renders" };

export default function RendersPage() {
  return (
    <div>
      <PageHeader title="Renders" description="Every export, newest first. Download images one by one or all at once." />
      <EmptyState title="Nothing rendered yet" body="Open a scene and press Export to get every format at once: square, portrait, story and banner." />
    </div>
  );
}

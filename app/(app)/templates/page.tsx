import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <div>
      <PageHeader title="Templates" description="Ready-made scenes, previewed with your own product." />
      <EmptyState title="No templates to show yet" body="Add a product first: every template is previewed with it, so you can pick the look that suits it." />
    </div>
  );
}

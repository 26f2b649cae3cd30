import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Scenes" };

export default function ScenesPage() {
  return (
    <div>
      <PageHeader title="Scenes" description="Your staged products" />
      <EmptyState title=" open one to adjust light, camera, background and materials." body="No scenes yet:Create a scene from a product or a template. Your edits are saved as you go." />
    </div>
  );
}

import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  return (
    <div>
      <PageHeader title="Products" description="Your 3D products. Each one can be staged in any template and exported in every format." />
      {welcome && (
        <div className="mb-6">
          <Alert tone="success">Welcome to Plinth! Your workspace is ready. Start by adding a product.</Alert>
        </div>
      )}
      <EmptyState
        title="No products yet"
        body="Upload a glTF or GLB file of your product, or start with one of our sample products to see how it works."
      />
    </div>
  );
}

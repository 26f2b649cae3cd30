import type { Metadata } from "next";
import { ApiReference, type ApiDocument } from "@/components/docs/api-reference";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const metadata: Metadata = { title: "API reference" };

/** The public API's reference, drawn on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiDocsPage() {
  // Read as plain JSON (what the document is once served), which the reference walks.
  return <ApiReference document={openApiDocument() as unknown as ApiDocument} />;
}

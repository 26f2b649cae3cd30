import { SAMPLE_PRODUCTS, type SampleProduct } from "./samples";

/** What the editor and renderer need to know about a product. */
export type ProductInfo = {
  id: string;
  name: string;
  url: string;
  dimensionsM: [number, number, number];
  materials: string[];
  variants: string[];
  sample: boolean;
};

function fromSample(s: SampleProduct): ProductInfo {
  return { id: s.id, name: s.name, url: s.file, dimensionsM: s.dimensionsM, materials: s.materials, variants: s.variants, sample: true };
}

export function listSampleProducts(): ProductInfo[] {
  return SAMPLE_PRODUCTS.map(fromSample);
}

/**
 * A product the workspace may use: the shared samples for now; uploaded
 * products (scoped to the workspace) join here with the product library.
 */
export async function findProduct(_workspaceId: string, productId: string): Promise<ProductInfo | null> {
  const sample = SAMPLE_PRODUCTS.find((s) => s.id === productId);
  return sample ? fromSample(sample) : null;
}

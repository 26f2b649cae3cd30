import type { UnitKey } from "./units";

/**
 * The one product type, shared by the server and the client: what the editor,
 * the renderer, the templates, the library card and the product page know
 * about a product, sample or upload. Each view below is this type or a part
 * of it, never a copy, so a new field is added in one place.
 */
export type Product = {
  id: string;
  name: string;
  sample: boolean;
  /** A GLB the renderer loads: standing on y = 0, centred on x/z, in metres. */
  url: string;
  dimensionsM: [number, number, number];
  triangles: number;
  materials: string[];
  variants: string[];
  thumbnailUrl: string | null;
};

/** What only an uploaded product has: its unit fix-up, the checker's notes and the file as uploaded. */
export type ProductUploadFacts = {
  unit: UnitKey | null;
  suggestedUnit: UnitKey | null;
  /** The unit the upload applied by itself (its size was implausible as exported); the UI offers Undo. */
  appliedUnit: UnitKey | null;
  warnings: { code: string; message: string; pointer?: string }[];
  originalFilename: string;
  originalUrl: string;
  createdAt: string;
  updatedAt: string;
};

/** A workspace's upload as the library and GET /api/products list it (`modelUrl` is its `url`). */
export type ProductSummary = Omit<Product, "url" | "sample"> & ProductUploadFacts & { modelUrl: string };

/** The product page: a sample has no upload facts (null), and is always in metres. */
export type ProductDetailData = Product &
  Pick<ProductUploadFacts, "unit" | "suggestedUnit" | "appliedUnit" | "warnings"> & {
    originalFilename: string | null;
    originalUrl: string | null;
  };

/** A library grid card. */
export type ProductCardData = Pick<
  Product,
  "id" | "name" | "dimensionsM" | "triangles" | "materials" | "thumbnailUrl" | "sample"
> & {
  sizeWarning?: boolean;
};

/** A product picker's option. */
export type ProductOption = Pick<Product, "id" | "name" | "sample">;

export function detailOfUpload(summary: ProductSummary): ProductDetailData {
  return { ...summary, url: summary.modelUrl, sample: false };
}

export function detailOfSample(sample: Product): ProductDetailData {
  return {
    ...sample,
    unit: "m",
    suggestedUnit: null,
    appliedUnit: null,
    warnings: [],
    originalFilename: null,
    originalUrl: null,
  };
}

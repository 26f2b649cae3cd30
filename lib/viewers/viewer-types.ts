import type { ViewerStatus } from "@/lib/db/schema";

/** A viewer as the product page lists it: never its token (only stored hashed), only the first characters. */
export type ViewerSummary = {
  id: string;
  productId: string;
  sceneId: string | null;
  variant: string | null;
  autoRotate: boolean;
  tokenHint: string;
  status: ViewerStatus;
  error: string | null;
  modelBytes: number | null;
  sourceBytes: number | null;
  /** The USDZ for iOS Quick Look; null while processing, or when none could be made. */
  usdzBytes: number | null;
  viewCount: number;
  createdAt: string;
  revokedAt: string | null;
};

/** What "Publish 3D viewer" answers: the summary and, this once, the link itself. */
export type PublishedViewer = { viewer: ViewerSummary; path: string };

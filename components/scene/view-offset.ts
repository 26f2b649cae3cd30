/** The tile window of the render contract (lib/render-contract/view-offset.ts), re-exported for the canvas. */
export type { ViewOffset } from "@/lib/render-contract/view-offset";

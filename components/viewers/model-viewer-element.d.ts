import type { DetailedHTMLProps, HTMLAttributes } from "react";

/** `<model-viewer>` in JSX (React 19 sets its attributes as written; lib/viewers documents the ones we use). */
type ModelViewerAttributes = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Record<string, unknown>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "model-viewer": ModelViewerAttributes;
    }
  }
}

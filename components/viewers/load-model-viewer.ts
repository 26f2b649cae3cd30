/**
 * Where model-viewer finds its decoders: files this app serves (public/decoders, the same ones the editor's
 * three.js loaders use), never its default CDNs. Read by model-viewer when its module first runs, so this is set
 * before the import. Meshopt: model-viewer turns its (bundled) decoder on only once a location is set and that
 * script has loaded, so it gets meshoptimizer's own decoder (scripts/copy-decoders.ts). Lottie textures are never
 * used by a product model; its loader points at a path we do not serve, not at a CDN.
 */
export const MODEL_VIEWER_DECODERS = {
  dracoDecoderLocation: "/decoders/draco/",
  ktx2TranscoderLocation: "/decoders/basis/",
  meshoptDecoderLocation: "/decoders/meshopt/meshopt_decoder.js",
  lottieLoaderLocation: "/decoders/lottie-unsupported.js",
} as const;

let loading: Promise<void> | undefined;

/**
 * Loads `<model-viewer>` once, from this app's own bundle. The distributed build carries its own three.js (it
 * needs a newer one than the editor's), so the two never share a copy.
 */
export function loadModelViewer(): Promise<void> {
  loading ??= (async () => {
    // Marks read by npm run bench:viewer, to tell where the time to an interactive model goes.
    performance.mark("viewer:import-start");
    const scope = self as unknown as { ModelViewerElement?: Record<string, string> };
    scope.ModelViewerElement = { ...scope.ModelViewerElement, ...MODEL_VIEWER_DECODERS };
    await import("@google/model-viewer/dist/model-viewer.min.js");
    await customElements.whenDefined("model-viewer");
    performance.mark("viewer:defined");
  })();
  return loading;
}

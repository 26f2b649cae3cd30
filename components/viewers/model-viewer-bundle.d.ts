/** The distributed model-viewer bundle (with its own three.js): imported for its side effect, defining <model-viewer>. */
declare module "@google/model-viewer/dist/model-viewer.min.js";

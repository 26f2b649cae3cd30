import { headers } from "next/headers";
import { preload, preloadModule } from "react-dom";
import { MODEL_VIEWER_BOOT_SCRIPT, MODEL_VIEWER_DECODERS, MODEL_VIEWER_MODULE_URL } from "./load-model-viewer";

type Props = { modelUrl: string; environmentUrl: string };

/**
 * Starts a viewer page's downloads at once instead of one after another: model-viewer's module from the head
 * (modulepreload) and run while the HTML is parsed (an inline script with the page's CSP nonce), and the model,
 * its environment and the meshopt decoder preloaded so they arrive while model-viewer is being evaluated. The
 * fetch preloads are CORS/same-origin, as three's loaders fetch them, so the browser uses the preloaded bytes;
 * the decoder as the classic script model-viewer adds.
 */
export async function ModelViewerBoot({ modelUrl, environmentUrl }: Props) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  preloadModule(MODEL_VIEWER_MODULE_URL);
  preload(modelUrl, { as: "fetch", crossOrigin: "anonymous" });
  preload(environmentUrl, { as: "fetch", crossOrigin: "anonymous" });
  preload(MODEL_VIEWER_DECODERS.meshoptDecoderLocation, { as: "script" });
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: MODEL_VIEWER_BOOT_SCRIPT }} />;
}

import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

/**
 * model-viewer's distributed module (it carries its own three.js), served by this app for the viewer pages
 * (components/viewers/load-model-viewer.ts): read from node_modules when the app is built. Its URL carries the
 * version, so browsers keep it a year. Same origin only: the pages load it under their CSP's script-src 'self'.
 */
export async function GET(): Promise<Response> {
  const file = path.join(process.cwd(), "node_modules/@google/model-viewer/dist/model-viewer.min.js");
  // Its source map is not served: no request for it from a visitor's developer tools.
  const body = (await readFile(file, "utf8")).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  return new Response(body, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}

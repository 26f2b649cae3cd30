import { productThumbnailTokenId } from "@/lib/products/product-thumbnail";
import { RENDER_SESSION_ID, verifyRenderToken } from "@/lib/renders/render-token";
import { thumbnailTokenId } from "@/lib/templates/thumbnail-token";
import { renderTokenCaller, type RenderSubject, type RenderTokenCaller } from "./caller";

/** The id a render token is signed over, per subject: a token for one kind never opens another kind. */
export function renderTokenId(subject: RenderSubject): string {
  switch (subject.kind) {
    case "output":
      return subject.id;
    case "thumbnail":
      return thumbnailTokenId(subject.id);
    case "product":
      return productThumbnailTokenId(subject.id);
    case "session":
      return RENDER_SESSION_ID;
  }
}

/** The caller a render token stands for, or null when it is missing, malformed, expired or for another subject. */
export function resolveRenderTokenCaller(
  subject: RenderSubject,
  token: string | null | undefined,
): RenderTokenCaller | null {
  return verifyRenderToken(renderTokenId(subject), token).ok ? renderTokenCaller(subject) : null;
}

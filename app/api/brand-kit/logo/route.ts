import { z } from "zod";
import { brandIdentityOutput } from "@/lib/api/outputs/brand";
import { workspaceRoute } from "@/lib/auth/handlers";
import { logoTooLarge, removeBrandLogo, uploadBrandLogo } from "@/lib/brand/brand-identity";
import { LOGO_MAX_BYTES } from "@/lib/brand/logo-file";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { getStorage } from "@/lib/storage";

export const runtime = "nodejs";

/**
 * Uploads the brand logo: the file itself as the body (any Content-Type; the bytes say what it is), its name in
 * ?name=. Over 5 MB is refused with 413 from Content-Length alone, before anything is read.
 */
export const POST = workspaceRoute(
  { permission: "brand_kit.write", schema: z.object({}), body: "upload", status: 201, output: brandIdentityOutput },
  async ({ ctx, request }) => {
    let bytes: Uint8Array;
    try {
      bytes = await readBodyBytes(request, LOGO_MAX_BYTES);
    } catch (err) {
      if (err instanceof AppError && err.code === "payload_too_large") throw logoTooLarge(LOGO_MAX_BYTES);
      throw err;
    }
    const name = new URL(request.url).searchParams.get("name") ?? "";
    return uploadBrandLogo(getDb(), getStorage(), ctx.workspace.id, bytes, name.replace(/[\u0000-\u001f]/g, ""));
  },
);

export const DELETE = workspaceRoute(
  { permission: "brand_kit.write", schema: z.object({}), output: brandIdentityOutput },
  async ({ ctx }) => removeBrandLogo(getDb(), getStorage(), ctx.workspace.id),
);

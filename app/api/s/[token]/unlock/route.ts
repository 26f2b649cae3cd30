import { z } from "zod";
import { unlockShareLink } from "@/lib/albums/share-access";
import { withShareHeaders } from "@/lib/auth/share-route";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, readJsonBody } from "@/lib/http/read-body";
import { isHttpsRequest, proxySettings } from "@/lib/http/request-facts";
import { assertSameOrigin } from "@/lib/http/same-origin";

const schema = z.object({ password: z.string().min(1, "Enter the password.").max(200) }).strict();

/**
 * A password-protected link's password: hand-written because the link is locked until it succeeds (shareRoute would
 * answer 401). Rate-limited per link and address (lib/albums/share-access.ts); the cookie it sets opens this link only.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  let response: Response;
  try {
    assertSameOrigin(request);
    const { token } = await params;
    const { password } = schema.parse(await readJsonBody(request, BODY_LIMITS.publicJson));
    const cookie = await unlockShareLink(getDb(), token, password, clientIpFromHeaders(request.headers));
    response = Response.json({ ok: true });
    const secure = isHttpsRequest(request.headers, proxySettings()) ? "; Secure" : "";
    response.headers.append(
      "set-cookie",
      `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax${secure}`,
    );
  } catch (err) {
    response = errorResponse(err);
  }
  return withShareHeaders(finishApiResponse(request, response));
}

import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** JSON sign-up for API clients and tests; the sign-up page uses the same code through a server action. */
export async function POST(request: Request) {
  try {
    // Unauthenticated: from this site or a browserless client only, JSON only, 64 KB at most (lib/http).
    assertSameOrigin(request);
    const body = await readJsonBody(request, BODY_LIMITS.publicJson);
    // The same 201 whether or not the email already had an account (lib/auth/sign-up.ts).
    const { userId, workspaceId } = await signUp(getDb(), body, { ip: clientIpFromHeaders(request.headers) });
    return finishApiResponse(request, Response.json({ userId, workspaceId }, { status: 201 }));
  } catch (err) {
    return finishApiResponse(request, errorResponse(err));
  }
}

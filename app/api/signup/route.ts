import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

/** JSON sign-up for API clients and tests; the sign-up page uses the same code through a server action. */
export async function POST(request: Request) {
  try {
    const body = await request.json().catch(() => {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    });
    // The same 201 whether or not the email already had an account (lib/auth/sign-up.ts).
    const { userId, workspaceId } = await signUp(getDb(), body, { ip: clientIpFromHeaders(request.headers) });
    return Response.json({ userId, workspaceId }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}

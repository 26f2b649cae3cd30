import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { oembedFor } from "@/lib/viewers/oembed";

export const runtime = "nodejs";

/**
 * oEmbed for published 3D viewer links (CMSs that support oEmbed embed the link as an iframe). Public: it answers
 * only for this app's own live viewer links, read from the URL's text; the URL is never fetched.
 */
export async function GET(request: Request): Promise<Response> {
  let response: Response;
  try {
    const url = new URL(request.url);
    const q = url.searchParams;
    const query = {
      url: q.get("url"),
      format: q.get("format"),
      maxwidth: q.get("maxwidth"),
      maxheight: q.get("maxheight"),
    };
    if (query.format && query.format !== "json") {
      response = Response.json({ code: "not_implemented", message: "Only format=json is offered." }, { status: 501 });
    } else {
      response = Response.json(await oembedFor(getDb(), query, url.origin));
    }
  } catch (err) {
    response = errorResponse(err);
  }
  return finishApiResponse(request, response);
}

import { isVideoFormat, type VideoFormatId } from "@/lib/formats";
import type { VideoDetails } from "@/lib/db/queries/render-videos";

type VideoRow = {
  id: string;
  status: string;
  format: string | null;
  framesDone: number | null;
  framesTotal: number | null;
  posterKey: string | null;
  details: unknown;
};

/** What the Renders page needs of a video output (nothing for a still): its format, progress and poster. */
export type VideoListFields = {
  video: {
    format: VideoFormatId;
    framesDone: number;
    framesTotal: number;
    posterUrl: string | null;
    details: VideoDetails | null;
  } | null;
};

export function videoFields(batchFormat: string, output: VideoRow): VideoListFields {
  const format = output.format ?? batchFormat;
  if (!isVideoFormat(format)) return { video: null };
  return {
    video: {
      format,
      framesDone: output.framesDone ?? 0,
      framesTotal: output.framesTotal ?? 0,
      posterUrl:
        output.status === "done" && output.posterKey ? `/api/renders/outputs/${output.id}/file?poster=1` : null,
      // Until it is done, a video's details hold only the preset it was asked with.
      details: output.status === "done" ? ((output.details as VideoDetails | null) ?? null) : null,
    },
  };
}

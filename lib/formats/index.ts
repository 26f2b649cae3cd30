import { IMAGE_FORMAT_IDS, IMAGE_FORMATS, type ImageFormat, type ImageFormatId } from "./image-formats";
import { VIDEO_FORMAT_IDS, VIDEO_FORMATS } from "./video-formats";

export { IMAGE_FORMAT_IDS, IMAGE_FORMATS, type ImageFormat, type ImageFormatId };
export {
  GIF_FPS,
  gifSize,
  VIDEO_FORMAT_IDS,
  VIDEO_FORMATS,
  videoBitrate,
  type VideoFormat,
  type VideoFormatId,
} from "./video-formats";

export function isVideoFormat(id: string): id is (typeof VIDEO_FORMAT_IDS)[number] {
  return (VIDEO_FORMAT_IDS as readonly string[]).includes(id);
}

export function isImageFormat(id: string): id is ImageFormatId {
  return (IMAGE_FORMAT_IDS as readonly string[]).includes(id);
}

/** Formats that keep a transparent background, as "PNG or WebP" for messages. */
export function alphaFormatLabels(): string {
  const labels = IMAGE_FORMAT_IDS.filter((id) => IMAGE_FORMATS[id].alpha).map((id) => IMAGE_FORMATS[id].label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : (labels[0] ?? "");
}

/** Storage drivers need not keep content types: the extension we chose decides. */
export function contentTypeForName(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const format = [
    ...IMAGE_FORMAT_IDS.map((id) => IMAGE_FORMATS[id]),
    ...VIDEO_FORMAT_IDS.map((id) => VIDEO_FORMATS[id]),
  ].find((f) => f.extension === ext);
  return format?.contentType ?? "application/octet-stream";
}

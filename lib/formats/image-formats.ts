/**
 * The still-image formats an export can be written in. Everything that knows
 * about a format (the export schema, the dialog, the worker's encoder, the
 * Content-Type of a stored file) reads it from here; the DB enum
 * `render_format` lists the same ids and must grow with this list.
 */
export const IMAGE_FORMAT_IDS = ["png", "jpg", "webp"] as const;
export type ImageFormatId = (typeof IMAGE_FORMAT_IDS)[number];

export type ImageFormat = {
  id: ImageFormatId;
  /** Shown in the export dialog. */
  label: string;
  contentType: string;
  /** File-name extension, without the dot. */
  extension: string;
  /** Whether a transparent background survives encoding. */
  alpha: boolean;
  /** Longest side the format can hold (WebP stops at 16383 px). */
  maxSide: number;
  /** sharp encoder and options; quality is the export's "final" quality. */
  encoder:
    | { kind: "png"; options: { compressionLevel: number; adaptiveFiltering: boolean } }
    | { kind: "jpeg"; options: { quality: number; chromaSubsampling: string; mozjpeg: boolean } }
    | { kind: "webp"; options: { quality: number; alphaQuality: number } };
};

export const IMAGE_FORMATS: Record<ImageFormatId, ImageFormat> = {
  png: {
    id: "png",
    label: "PNG",
    contentType: "image/png",
    extension: "png",
    alpha: true,
    maxSide: 65535,
    // zlib level 4: a 1080x1080 Final encodes in 42 ms of CPU instead of 66 at level 6, for a file 2% larger (1090
    // vs 1069 KB; level 3: 30 ms, 5% larger). The worker encodes while the next image draws on the same cores, so
    // the CPU is throughput. Adaptive filtering made files 8% smaller for 2.3x the time: not taken.
    encoder: { kind: "png", options: { compressionLevel: 4, adaptiveFiltering: false } },
  },
  jpg: {
    id: "jpg",
    label: "JPG",
    contentType: "image/jpeg",
    extension: "jpg",
    alpha: false,
    maxSide: 65535,
    encoder: { kind: "jpeg", options: { quality: 92, chromaSubsampling: "4:4:4", mozjpeg: false } },
  },
  webp: {
    id: "webp",
    label: "WebP",
    contentType: "image/webp",
    extension: "webp",
    alpha: true,
    maxSide: 16383,
    encoder: { kind: "webp", options: { quality: 92, alphaQuality: 100 } },
  },
};

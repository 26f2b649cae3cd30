export { CACHE, serveFile, type ServeFileOptions } from "./serve-file";
export { imagePreview, PREVIEW_SIDE } from "./preview";
export { contentDisposition } from "./content-disposition";
export { parseRange, ifRangeMatches, type RangeRequest } from "./range";

/** Render tokens for previews are bound to the thumbnail id (never valid for an output or the session page). */
export const thumbnailTokenId = (thumbnailId: string) => `thumbnail:${thumbnailId}`;

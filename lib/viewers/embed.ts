/** Escapes text for an HTML attribute value in double quotes. */
function attr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const EMBED_SIZE = { width: 640, height: 480 } as const;

/**
 * The copy-paste embed for a viewer link: an iframe that may use AR (`xr-spatial-tracking`) and full screen.
 * The same markup answers oEmbed (lib/viewers/oembed.ts).
 */
export function iframeSnippet(
  url: string,
  title: string,
  size: { width: number; height: number } = EMBED_SIZE,
): string {
  return (
    `<iframe src="${attr(url)}" title="${attr(title)}" width="${size.width}" height="${size.height}" ` +
    `style="border:0" loading="lazy" allow="xr-spatial-tracking; fullscreen" allowfullscreen></iframe>`
  );
}

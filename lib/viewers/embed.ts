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

/**
 * The web-component embed (/v/embed.js, lib/viewers/embed-script.ts): the same iframe, sized by the page's
 * width and an aspect ratio instead of fixed pixels. The script's address and the token both come from the link.
 */
export function webComponentSnippet(url: string, title: string): string {
  const link = new URL(url);
  const token = link.pathname.replace(/^\/v\//, "");
  return (
    `<script type="module" src="${attr(`${link.origin}/v/embed.js`)}"></script>\n` +
    `<plinth-viewer token="${attr(token)}" title="${attr(title)}" ratio="4/3"></plinth-viewer>`
  );
}

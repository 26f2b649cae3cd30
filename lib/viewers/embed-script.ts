/**
 * /v/embed.js: the web-component embed. A shop page adds
 *   <script type="module" src="https://plinth.example/v/embed.js"></script>
 *   <plinth-viewer token="..." title="..."></plinth-viewer>
 * and the element draws the same iframe as the iframe snippet (AR allowed, lazy, responsive by aspect ratio).
 * The script learns Plinth's origin from its own URL (import.meta.url), so it is the same file for every
 * viewer; it fetches nothing itself and styles through the CSSOM in a shadow root, so a shop's strict
 * style-src (no 'unsafe-inline') does not break it and the shop's CSS does not reach the iframe.
 */
export const EMBED_SCRIPT = `// Plinth 3D viewer embed: <plinth-viewer token="..." title="..." ratio="4/3"></plinth-viewer>
const ORIGIN = new URL(import.meta.url).origin;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const RATIO = /^\\d+(\\.\\d+)?\\s*\\/\\s*\\d+(\\.\\d+)?$/;

class PlinthViewer extends HTMLElement {
  static observedAttributes = ["token", "title", "ratio"];

  connectedCallback() {
    this.schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  // One draw for all the attributes set at once (an upgrade reports each one): the iframe loads once.
  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.draw();
    });
  }

  draw() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const token = this.getAttribute("token") ?? "";
    const ratio = this.getAttribute("ratio") ?? "";
    this.style.display = "block";
    this.style.aspectRatio = RATIO.test(ratio) ? ratio : "4 / 3";
    if (!TOKEN.test(token)) {
      root.replaceChildren();
      console.warn("<plinth-viewer>: the token attribute is not a Plinth viewer token");
      return;
    }
    const frame = document.createElement("iframe");
    frame.src = ORIGIN + "/v/" + token;
    frame.title = this.getAttribute("title") || "3D viewer";
    frame.loading = "lazy";
    frame.allow = "xr-spatial-tracking; fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.height = "100%";
    frame.style.border = "0";
    root.replaceChildren(frame);
  }
}

if (!customElements.get("plinth-viewer")) customElements.define("plinth-viewer", PlinthViewer);
`;

import { describe, expect, it } from "vitest";
import { webComponentSnippet } from "./embed";
import { viewerTokenOfUrl } from "./oembed";

const TOKEN = "A".repeat(20) + "b_-" + "9".repeat(20);
const ORIGINS = ["https://plinth.example", "http://localhost:3000"];

describe("viewerTokenOfUrl (oEmbed reads the link's text only)", () => {
  it("accepts this app's viewer links", () => {
    expect(viewerTokenOfUrl(`https://plinth.example/v/${TOKEN}`, ORIGINS)).toBe(TOKEN);
    expect(viewerTokenOfUrl(`http://localhost:3000/v/${TOKEN}/`, ORIGINS)).toBe(TOKEN);
    expect(viewerTokenOfUrl(`https://plinth.example/v/${TOKEN}?utm=1#x`, ORIGINS)).toBe(TOKEN);
  });

  it("refuses other sites, look-alike hosts, other schemes, credentials and other paths", () => {
    for (const url of [
      `https://evil.example/v/${TOKEN}`,
      `https://plinth.example.evil.example/v/${TOKEN}`,
      `https://plinth.example:8443/v/${TOKEN}`,
      `http://plinth.example/v/${TOKEN}`,
      `https://user:pw@plinth.example/v/${TOKEN}`,
      `file:///v/${TOKEN}`,
      `javascript:alert(1)//plinth.example/v/${TOKEN}`,
      `https://plinth.example/products/${TOKEN}`,
      `https://plinth.example/v/${TOKEN}/model.glb`,
      `https://plinth.example/api/v/${TOKEN}/model.glb`,
      `https://plinth.example/v/short`,
      `https://plinth.example/v/${TOKEN}x`,
      `http://169.254.169.254/v/${TOKEN}`,
      `/v/${TOKEN}`,
      "not a url",
    ]) {
      expect(viewerTokenOfUrl(url, ORIGINS), url).toBeNull();
    }
  });
});

describe("webComponentSnippet", () => {
  it("loads the script from the link's own origin and names the token, escaped", () => {
    const snippet = webComponentSnippet(`https://plinth.example/v/${TOKEN}`, 'Can "Ocean" <3D>');
    expect(snippet).toBe(
      `<script type="module" src="https://plinth.example/v/embed.js"></script>\n` +
        `<plinth-viewer token="${TOKEN}" title="Can &quot;Ocean&quot; &lt;3D&gt;" ratio="4/3"></plinth-viewer>`,
    );
  });
});

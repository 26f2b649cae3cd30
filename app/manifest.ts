import type { MetadataRoute } from "next";

/** The web app manifest (served at /manifest.webmanifest); its icons come from scripts/generate-icons.ts. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Plinth",
    short_name: "Plinth",
    description: "3D product visuals in every format",
    start_url: "/products",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icons/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}

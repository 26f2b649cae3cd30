/**
 * The bundled brand fonts' @font-face rules (latin subset, the one weight each that lib/overlays/fonts.ts names),
 * served by this app from its own build: no font CDN. Imported only by the modules that show brand text (the
 * editor's overlay layer and panel, the brand page), so no other page downloads them.
 */
import "@fontsource/inter/latin-600.css";
import "@fontsource/dm-sans/latin-500.css";
import "@fontsource/space-grotesk/latin-600.css";
import "@fontsource/playfair-display/latin-700.css";
import "@fontsource/bebas-neue/latin-400.css";

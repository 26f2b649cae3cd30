import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // A calm neutral base with one accent: the product is the colour on screen.
        ink: { DEFAULT: "#1c1917", soft: "#44403c", muted: "#78716c" },
        canvas: { DEFAULT: "#fafaf9", raised: "#ffffff", sunken: "#f5f5f4" },
        line: { DEFAULT: "#e7e5e4", strong: "#d6d3d1" },
        accent: { DEFAULT: "#4f46e5", hover: "#4338ca", soft: "#eef2ff", ink: "#3730a3" },
        danger: { DEFAULT: "#b91c1c", soft: "#fef2f2" },
        success: { DEFAULT: "#15803d", soft: "#f0fdf4" },
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
      },
      boxShadow: { card: "0 1px 2px rgb(28 25 23 / 0.06), 0 1px 3px rgb(28 25 23 / 0.04)" },
    },
  },
  plugins: [],
};

export default config;

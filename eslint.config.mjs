import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/scene is the contract shared with the worker: no React, three or Next in it.
    files: ["lib/scene/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-*", "three", "three/*", "next", "next/*", "@react-three/*"] },
      ],
    },
  },
  {
    // The renderer is shared by the editor and the render page: it must not depend on the editor.
    files: ["components/scene/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/components/editor/*", "@/lib/editor/*"] }] },
  },
];

export default config;

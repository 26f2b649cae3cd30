import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "@/components/providers";

export const metadata: Metadata = {
  title: { default: "Plinth: 3D product visuals in every format", template: "%s · Plinth" },
  description:
    "Studio-quality packshots and social visuals of your product, in every format at once. No 3D skills needed.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // middleware.ts sends a CSP with a fresh nonce per request, and Next.js stamps that nonce on its scripts
  // while rendering. So every page renders per request: one prerendered at build time would carry no nonce
  // and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

import type { ReactNode } from "react";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { ButtonLink } from "@/components/ui/button";
import { sellsPlans } from "@/lib/billing/config";

export default function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-white/80 backdrop-blur">
        <nav className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4" aria-label="Main">
          <Logo />
          <div className="flex items-center gap-2 text-sm">
            {sellsPlans() && (
              <Link href="/pricing" className="rounded-lg px-3 py-2 text-ink-soft hover:text-ink">
                Pricing
              </Link>
            )}
            <Link href="/sign-in" className="rounded-lg px-3 py-2 text-ink-soft hover:text-ink">
              Sign in
            </Link>
            <ButtonLink href="/sign-up">Start free</ButtonLink>
          </div>
        </nav>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-line py-8 text-center text-xs text-ink-muted">
        Plinth · 3D product visuals in every format
      </footer>
    </div>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/products", label: "Products", icon: "M4 7l8-4 8 4-8 4-8-4zm0 0v10l8 4 8-4V7" },
  { href: "/templates", label: "Templates", icon: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z" },
  { href: "/scenes", label: "Scenes", icon: "M3 18h18M6 18v-4h12v4M12 14V6m-3 3l3-3 3 3" },
  { href: "/renders", label: "Renders", icon: "M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5" },
  { href: "/albums", label: "Albums", icon: "M4 6h16v12H4zM8 3h8M4 14l5-4 4 3 3-2 4 3" },
  { href: "/settings", label: "Settings", icon: "M12 15a3 3 0 100-6 3 3 0 000 6zM4 12h2m12 0h2M12 4v2m0 12v2" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="App" className="-mx-1 flex gap-1 overflow-x-auto md:mx-0 md:flex-col">
      {LINKS.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`flex shrink-0 items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
              active ? "bg-accent-soft text-accent-ink" : "text-ink-soft hover:bg-canvas-sunken hover:text-ink"
            }`}
          >
            <svg
              viewBox="0 0 24 24"
              className="h-4 w-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
              aria-hidden="true"
            >
              <path d={link.icon} />
            </svg>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}

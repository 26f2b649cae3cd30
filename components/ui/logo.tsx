import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-2 font-semibold tracking-tight text-ink"
      aria-label="Plinth home"
    >
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
        <ellipse cx="12" cy="18" rx="9" ry="3" fill="#c7d2fe" />
        <rect x="5" y="12" width="14" height="6" rx="1" fill="#4f46e5" />
        <ellipse cx="12" cy="12" rx="7" ry="2.4" fill="#818cf8" />
        <circle cx="12" cy="7" r="3.2" fill="#1c1917" />
      </svg>
      <span>Plinth</span>
    </Link>
  );
}

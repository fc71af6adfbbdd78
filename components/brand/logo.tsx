// The Cairn mark (three stacked stones) and word mark.
import { cn } from "@/lib/cn";

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6 text-primary">
        <ellipse cx="12" cy="19" rx="9" ry="3.2" fill="currentColor" />
        <ellipse cx="12" cy="12.6" rx="6.4" ry="2.7" fill="currentColor" opacity="0.8" />
        <ellipse cx="12" cy="7" rx="4" ry="2.2" fill="currentColor" opacity="0.6" />
      </svg>
      <span>Cairn</span>
    </span>
  );
}

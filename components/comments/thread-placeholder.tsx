// What a comment thread shows until it is there: while its code loads (comments-button.tsx) and
// while its comments load (comment-thread.tsx), the same two rows, so nothing jumps between them.
import { Skeleton } from "@/components/ui/skeleton";

export function ThreadPlaceholder() {
  return (
    <div className="flex flex-col gap-2" aria-busy="true">
      <Skeleton className="h-12" />
      <Skeleton className="h-12" />
    </div>
  );
}

// PlanCard: one plan from the plan config — name, price per editor seat, what it includes — with a slot for its button.
import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { Plan } from "@/lib/billing/plans";
import { formatSeatPrice } from "@/lib/billing/format";
import { cn } from "@/lib/cn";

export type PlanCardProps = {
  plan: Plan;
  /** Heading level that fits the page outline. */
  headingAs?: "h2" | "h3";
  /** e.g. "Current plan" */
  badge?: string;
  highlighted?: boolean;
  children?: ReactNode;
  className?: string;
};

export function PlanCard({ plan, headingAs = "h2", badge, highlighted = false, children, className }: PlanCardProps) {
  return (
    <Card className={cn("flex flex-col", highlighted && "border-primary ring-1 ring-primary", className)} data-testid={`plan-${plan.id}`}>
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle as={headingAs}>{plan.name}</CardTitle>
          {badge ? <Badge variant="secondary">{badge}</Badge> : null}
        </div>
        <CardDescription>{plan.tagline}</CardDescription>
        <p className="mt-2">
          {plan.pricePerSeat === 0 ? (
            <>
              <span className="text-3xl font-semibold tracking-tight">{formatSeatPrice(0)}</span>{" "}
              <span className="text-sm text-muted-foreground">for up to {plan.maxEditorSeats} editors</span>
            </>
          ) : (
            <>
              <span className="text-3xl font-semibold tracking-tight">{formatSeatPrice(plan.pricePerSeat)}</span>{" "}
              <span className="text-sm text-muted-foreground">per editor seat / month</span>
            </>
          )}
        </p>
      </CardHeader>
      <CardContent className="flex-1">
        <ul className="flex flex-col gap-2 text-sm">
          {plan.features.map((feature) => (
            <li key={feature} className="flex gap-2">
              <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
              {feature}
            </li>
          ))}
        </ul>
      </CardContent>
      {children ? <CardFooter>{children}</CardFooter> : null}
    </Card>
  );
}

// cn(): join the class names that are set (false, null, undefined and "" are left out). It does
// not resolve Tailwind conflicts (tailwind-merge did, for ~8.6 kB gzip on every client page): a
// component whose own class a caller may need to change offers a prop for it instead (Button
// size/align, TableHead align, Input fullWidth…), so a class list never carries two values for
// the same property.
export type ClassName = string | false | null | undefined;

export function cn(...classes: ClassName[]): string {
  return classes.filter(Boolean).join(" ");
}

"use client";
// A comment box that suggests team members after "@": arrows to choose, Enter or Tab to
// insert "@Name ", Escape to close. A combobox in ARIA terms, so screen readers follow it.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Textarea } from "@/components/ui/textarea";
import { activeMentionQuery, suggestMembers, type Mentionable } from "@/lib/collaboration/mentions";
import { cn } from "@/lib/cn";

export function MentionTextarea({
  id, value, onChange, members, onSubmit, label, placeholder, disabled, autoFocus, maxLength,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly Mentionable[];
  /** Ctrl/Cmd + Enter. */
  onSubmit?: () => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
}) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);

  const mention = activeMentionQuery(value, caret);
  const suggestions = useMemo(() => (mention ? suggestMembers(mention.query, members) : []), [mention, members]);
  const open = Boolean(mention) && suggestions.length > 0 && dismissed !== mention?.start;
  const highlighted = Math.min(active, Math.max(0, suggestions.length - 1));

  const choose = (member: Mentionable) => {
    if (!mention) return;
    const before = value.slice(0, mention.start);
    const after = value.slice(caret).replace(/^\S*/, "");
    const inserted = `@${member.name} `;
    const next = `${before}${inserted}${after.startsWith(" ") ? after.slice(1) : after}`;
    onChange(next);
    const position = before.length + inserted.length;
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((highlighted + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        event.preventDefault();
        choose(suggestions[highlighted]!);
        return;
      }
      if (event.key === "Escape") {
        // Close the list, not the dialog around the comment box.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(mention!.start);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="relative">
      <Textarea
        ref={ref}
        id={id}
        aria-label={label}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        maxLength={maxLength}
        rows={3}
        minHeight={20}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setDismissed(mention?.start ?? null), 150)}
        onFocus={() => setDismissed(null)}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label="Team members" className="absolute z-50 mt-1 max-h-56 w-64 overflow-auto rounded-md border bg-popover p-1 text-sm shadow-md">
          {suggestions.map((member, index) => (
            <li
              key={member.userId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === highlighted}
              className={cn("cursor-pointer rounded px-2 py-1.5", index === highlighted && "bg-accent text-accent-foreground")}
              // mousedown, not click: the textarea keeps focus and its caret.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(member);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {member.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

"use client";
// What every objective card, KPI row and dialog of the scorecard editor shares, sent once at the
// page's root instead of with each of them: the team, the scorecard, whether this person may edit,
// the members (owners' names, every owner field), the journey's stages, the perspectives and the
// editor's server actions.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { EditorOption } from "@/lib/scorecards/editor-view";
import type { FormAction } from "./action-form";
import type { MemberOption } from "./fields";

export interface EditorActions {
  createObjective: FormAction;
  updateObjective: FormAction;
  deleteObjective: FormAction;
  createKpi: FormAction;
  addKpisFromLibrary: FormAction;
  updateKpi: FormAction;
  deleteKpi: FormAction;
  createInitiative: FormAction;
  updateInitiative: FormAction;
  deleteInitiative: FormAction;
  addContribution: FormAction;
  removeContribution: FormAction;
}

/** Cascade: objectives of the scorecards above, and which of this scorecard's objectives contribute to each. */
export interface EditorContributions {
  targets: ReadonlyArray<{ id: string; title: string; scorecardName: string }>;
  /** Objective id → the ids of the objectives above it contributes to. */
  byObjective: Readonly<Record<string, readonly string[]>>;
}

export interface EditorShared {
  team: string;
  scorecardId: string;
  /** Viewers get no edit control (the server refuses their writes anyway). */
  canWrite: boolean;
  members: readonly MemberOption[];
  stages: readonly EditorOption[];
  perspectives: readonly EditorOption[];
  actions: EditorActions;
  /** Absent or without targets at a root scorecard: nothing to contribute to. */
  contributions?: EditorContributions;
}

export interface EditorContextValue extends EditorShared {
  /** "scorecard:<id>": where presence (who is here, who edits what) is announced. */
  presenceScope: string;
  memberName(userId: string | null, none: string): string;
  stageName: ReadonlyMap<string, string>;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({ children, ...shared }: EditorShared & { children: ReactNode }) {
  const { members, stages, scorecardId } = shared;
  const lookups = useMemo(() => {
    const names = new Map(members.map((m) => [m.userId, m.name]));
    return {
      memberName: (userId: string | null, none: string) => (userId ? (names.get(userId) ?? "Former member") : none),
      stageName: new Map(stages.map((s) => [s.id, s.name])),
    };
  }, [members, stages]);
  const value = { ...shared, ...lookups, presenceScope: `scorecard:${scorecardId}` };
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor must be used inside <EditorProvider>");
  return value;
}

"use client";
// StrategyMapCanvas: the visual strategy map (React Flow). Objectives sit in perspective bands
// (learning at the bottom, financial on top), coloured by status with the status in words too;
// drag from an objective's top handle to another objective to say "this drives that"; select
// an arrow and press Delete (or use its × button) to remove it. The server decides every change
// (cycles are refused there); the list below the canvas is the non-visual way to do the same.
import "@xyflow/react/dist/style.css";

import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BaseEdge,
  Controls,
  EdgeLabelRenderer,
  getBezierPath,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type EdgeProps,
  type Node,
  type NodeChange,
  type NodeProps,
} from "@xyflow/react";
import { X } from "lucide-react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { StatusBadge, statusLabels, type Status } from "@/components/ui/status-badge";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { formatScore } from "@/lib/measurements/values";
import { cycleMessage, findCyclePath } from "@/lib/strategy-map/cycle";

export interface MapObjective {
  id: string;
  title: string;
  perspectiveName: string;
  status: Status;
  score: number | null;
  x: number;
  y: number;
}
export interface MapBand {
  perspectiveId: string;
  name: string;
  y: number;
  height: number;
}
export interface MapLink {
  id: string;
  causeId: string;
  effectId: string;
}

type LinkAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

interface Props {
  team: string;
  scorecardId: string;
  canEdit: boolean;
  objectives: MapObjective[];
  bands: MapBand[];
  links: MapLink[];
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  addLink: LinkAction;
  removeLink: LinkAction;
}

type ObjectiveNode = Node<{ title: string; perspectiveName: string; status: Status; score: number | null; canEdit: boolean }, "objective">;
type BandNode = Node<{ name: string; width: number; height: number }, "band">;
type LinkEdge = Edge<{ label: string; canEdit: boolean; onRemove: (id: string) => void }, "link">;

const TONE: Record<Status, string> = {
  green: "border-status-green-border bg-status-green-bg",
  amber: "border-status-amber-border bg-status-amber-bg",
  red: "border-status-red-border bg-status-red-bg",
  grey: "border-status-grey-border bg-status-grey-bg",
};

function ObjectiveCard({ data }: NodeProps<ObjectiveNode>) {
  return (
    <div className={cn("flex h-full w-full flex-col justify-between gap-1 rounded-lg border-2 px-3 py-2 text-left shadow-xs", TONE[data.status])}>
      {/* Causes arrive from below; effects leave from the top. */}
      <Handle type="target" position={Position.Bottom} isConnectable={data.canEdit} className="!size-3 !border-2 !border-background !bg-foreground" />
      <p className="line-clamp-2 text-sm leading-snug font-medium text-foreground">{data.title}</p>
      <div className="flex items-center justify-between gap-2">
        <StatusBadge status={data.status} size="sm" />
        <span className="text-xs tabular-nums text-foreground">
          <span className="sr-only">score </span>
          {formatScore(data.score)}
        </span>
      </div>
      <Handle type="source" position={Position.Top} isConnectable={data.canEdit} className="!size-3 !border-2 !border-background !bg-primary" />
    </div>
  );
}

function BandBackground({ data }: NodeProps<BandNode>) {
  return (
    <div style={{ width: data.width, height: data.height }} className="border-b border-dashed border-border bg-muted/40">
      <p className="px-4 pt-3 text-sm font-semibold text-muted-foreground">{data.name}</p>
    </div>
  );
}

function LinkArrow({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected }: EdgeProps<LinkEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ strokeWidth: selected ? 3 : 2, stroke: selected ? "var(--color-primary)" : "var(--color-foreground)" }} />
      {data?.canEdit ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="nodrag nopan pointer-events-auto absolute inline-flex size-6 items-center justify-center rounded-full border bg-background text-foreground shadow-xs hover:bg-status-red-bg hover:text-destructive"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            aria-label={`Remove link: ${data.label}`}
            title={`Remove link: ${data.label}`}
            onClick={() => data.onRemove(id)}
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const nodeTypes = { objective: ObjectiveCard, band: BandBackground };
const edgeTypes = { link: LinkArrow };

export function StrategyMapCanvas({ team, scorecardId, canEdit, objectives, bands, links, width, height, nodeWidth, nodeHeight, addLink, removeLink }: Props) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const titleOf = (id: string) => objectives.find((o) => o.id === id)?.title ?? "an objective";

  const remove = async (linkId: string) => {
    const link = links.find((l) => l.id === linkId);
    const result = await removeLink({ team, scorecardId, linkId });
    if (result.ok) setMessage({ kind: "success", text: `Removed the link “${titleOf(link?.causeId ?? "")}” → “${titleOf(link?.effectId ?? "")}”.` });
    else setMessage({ kind: "error", text: result.message });
  };

  const connect = async ({ source, target }: Connection) => {
    if (!source || !target) return;
    // Said at once, before the round trip; the server checks again and has the last word.
    const cycle = findCyclePath(links, source, target);
    if (cycle) {
      setMessage({ kind: "error", text: `${cycleMessage(cycle, titleOf)}.` });
      return;
    }
    const result = await addLink({ team, scorecardId, causeId: source, effectId: target });
    if (result.ok) setMessage({ kind: "success", text: `Linked “${titleOf(source)}” → “${titleOf(target)}”.` });
    else setMessage({ kind: "error", text: result.message });
  };

  const bandNodes: BandNode[] = bands.map((band) => ({
    id: `band-${band.perspectiveId}`,
    type: "band",
    position: { x: 0, y: band.y },
    data: { name: band.name, width, height: band.height },
    draggable: false,
    selectable: false,
    connectable: false,
    deletable: false,
    focusable: false,
    zIndex: -1,
    ariaRole: "presentation",
  }));
  const objectiveNodes: ObjectiveNode[] = objectives.map((o) => ({
    id: o.id,
    type: "objective",
    position: { x: o.x, y: o.y },
    data: { title: o.title, perspectiveName: o.perspectiveName, status: o.status, score: o.score, canEdit },
    width: nodeWidth,
    height: nodeHeight,
    style: { width: nodeWidth, height: nodeHeight },
    draggable: false,
    deletable: false,
    connectable: canEdit,
    ariaLabel: `${o.title} (${o.perspectiveName}): ${statusLabels[o.status]}, score ${formatScore(o.score)}`,
  }));
  const edges: LinkEdge[] = links.map((l) => {
    const label = `“${titleOf(l.causeId)}” drives “${titleOf(l.effectId)}”`;
    return {
      id: l.id,
      source: l.causeId,
      target: l.effectId,
      type: "link",
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: "var(--color-foreground)" },
      deletable: canEdit,
      ariaLabel: label,
      data: { label, canEdit, onRemove: (id: string) => void remove(id) },
    };
  });
  // The canvas restarts from the server's state whenever it changes (a link added or removed).
  const signature = `${links.map((l) => l.id).join(",")}|${objectives.map((o) => `${o.id}:${o.status}`).join(",")}`;

  return (
    <div className="flex flex-col gap-3">
      {message ? (
        <Alert variant={message.kind} data-testid="map-message">
          {message.text}
        </Alert>
      ) : null}
      <div className="h-[640px] w-full overflow-hidden rounded-lg border bg-background" data-testid="strategy-map-canvas">
        <MapFlow
          key={signature}
          initialNodes={[...bandNodes, ...objectiveNodes]}
          initialEdges={edges}
          canEdit={canEdit}
          width={width}
          height={height}
          onConnect={(c) => void connect(c)}
          onRemove={remove}
        />
      </div>
    </div>
  );
}

/**
 * The flow itself, controlled: nothing is drawn that the server has not accepted (a
 * connection only becomes an arrow once the page re-renders with the new link), while
 * selection still works so an arrow can be deleted from the keyboard.
 */
function MapFlow({
  initialNodes,
  initialEdges,
  canEdit,
  width,
  height,
  onConnect,
  onRemove,
}: {
  initialNodes: Array<ObjectiveNode | BandNode>;
  initialEdges: LinkEdge[];
  canEdit: boolean;
  width: number;
  height: number;
  onConnect: (connection: Connection) => void;
  onRemove: (linkId: string) => Promise<void>;
}) {
  const [nodes, setNodes] = useState(initialNodes);
  const [edges, setEdges] = useState(initialEdges);
  return (
    <ReactFlow<ObjectiveNode | BandNode, LinkEdge>
      nodes={nodes}
      edges={edges}
      onNodesChange={(changes: NodeChange<ObjectiveNode | BandNode>[]) => setNodes((current) => applyNodeChanges(changes, current))}
      onEdgesChange={(changes: EdgeChange<LinkEdge>[]) => setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), current))}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onConnect={canEdit ? onConnect : undefined}
      onBeforeDelete={async ({ edges: doomed }) => {
        for (const edge of doomed) await onRemove(edge.id);
        // The server's answer redraws the map; nothing is removed locally.
        return false;
      }}
      nodesDraggable={false}
      nodesConnectable={canEdit}
      edgesFocusable={canEdit}
      deleteKeyCode={canEdit ? ["Backspace", "Delete"] : null}
      fitView
      fitViewOptions={{ padding: 0.05 }}
      minZoom={0.3}
      translateExtent={[
        [-200, -200],
        [width + 200, height + 200],
      ]}
      ariaLabelConfig={{
        "node.a11yDescription.default": "An objective of the strategy map. The list below the map describes every objective and link.",
        "edge.a11yDescription.default": "A cause and effect link. Press Delete to remove it.",
        "handle.ariaLabel": "Drag to another objective to link them",
      }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

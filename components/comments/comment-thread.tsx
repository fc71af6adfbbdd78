"use client";
// One comment thread (objective, KPI, initiative or stage), live: the team's change stream
// invalidates the query, so a comment written anywhere shows here within a second. Authors
// edit and delete their own comments; a comment changed meanwhile is never overwritten.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { addCommentAction, deleteCommentAction, editCommentAction, listCommentsAction } from "@/app/t/[team]/comments/actions";
import { useLive } from "@/components/realtime/live-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import type { Thread } from "@/lib/collaboration/comments";
import { splitMentions, type Mentionable } from "@/lib/collaboration/mentions";
import { COMMENT_MAX, type CommentableType } from "@/lib/collaboration/constants";
import { ThreadPlaceholder } from "./thread-placeholder";
import { MentionTextarea } from "./mention-textarea";

type Comment = Thread["comments"][number];

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

function failure(result: ActionResult): string | null {
  if (result.ok) return null;
  const fields = Object.values(result.fieldErrors ?? {}).flat();
  return fields.length ? fields.join(" ") : result.message;
}

export function CommentThread({ entityType, entityId, label }: { entityType: CommentableType; entityId: string; label: string }) {
  const { team, userId } = useLive();
  const queryClient = useQueryClient();
  const key = [team, "comments", entityType, entityId];
  const thread = useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await listCommentsAction({ team, entityType, entityId });
      if (!result.ok) throw new Error(result.message);
      return result.data as Thread;
    },
    staleTime: 0,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  // The save's answer carries the new version: use it at once, so a delete right after an edit
  // is not refused as stale while the thread reloads.
  const edited = (id: string, saved: { version: number; editedAt: Comment["editedAt"] }, body: string) => {
    queryClient.setQueryData<Thread>(key, (current) =>
      current && { ...current, comments: current.comments.map((c) => (c.id === id ? { ...c, version: saved.version, body, editedAt: saved.editedAt } : c)) },
    );
    void reload();
  };

  if (thread.isPending) return <ThreadPlaceholder />;
  if (thread.isError) return <Alert variant="error">The comments could not be loaded: {thread.error.message}</Alert>;

  const { comments, members } = thread.data;
  return (
    <section className="flex flex-col gap-4" aria-label={`Comments on ${label}`} data-testid="comment-thread">
      {comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">No comment yet. Start the conversation; type @ to mention a teammate.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} members={members} mine={comment.authorId === userId} onChanged={reload} onEdited={edited} />
          ))}
        </ol>
      )}
      <Composer entityType={entityType} entityId={entityId} members={members} onAdded={reload} />
    </section>
  );
}

function CommentBody({ body, members }: { body: string; members: readonly Mentionable[] }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap">
      {splitMentions(body, members).map((segment, i) =>
        segment.mention ? (
          <strong key={i} className="rounded bg-secondary px-0.5 font-medium text-secondary-foreground">
            {segment.text}
          </strong>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

function CommentItem({
  comment,
  members,
  mine,
  onChanged,
  onEdited,
}: {
  comment: Comment;
  members: readonly Mentionable[];
  mine: boolean;
  onChanged: () => void;
  onEdited: (id: string, saved: { version: number; editedAt: Comment["editedAt"] }, body: string) => void;
}) {
  const { team } = useLive();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    const result = await editCommentAction({ team, commentId: comment.id, version: comment.version, body: draft }).catch(() => null);
    setBusy(false);
    if (!result) return setError("The server could not be reached. Nothing was saved; please try again.");
    if (!result.ok && result.status === 409) {
      // Keep what was typed: the thread reloads underneath with the newer text and version.
      setError("This comment was changed in another window since you started editing. Your text is kept here: check the newer one, then save again.");
      onChanged();
      return;
    }
    const message = failure(result);
    if (message) return setError(message);
    setError(null);
    setEditing(false);
    if (result.ok) onEdited(comment.id, result.data as { version: number; editedAt: Comment["editedAt"] }, draft);
  };

  const remove = async () => {
    setBusy(true);
    const result = await deleteCommentAction({ team, commentId: comment.id, version: comment.version }).catch(() => null);
    setBusy(false);
    setConfirming(false);
    if (!result) return setError("The server could not be reached. Nothing was deleted; please try again.");
    const message = failure(result);
    if (message) setError(result.ok ? null : result.status === 409 ? "This comment was changed meanwhile; look at it again before deleting it." : message);
    onChanged();
  };

  return (
    <li className="flex flex-col gap-1 rounded-md border p-3" data-testid="comment">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
        <span className="font-semibold text-foreground">{comment.authorName ?? "A former member"}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()}>{when.format(new Date(comment.createdAt))}</time>
        {comment.editedAt ? <span>(edited)</span> : null}
      </div>
      {editing ? (
        <div className="flex flex-col gap-2">
          <MentionTextarea id={`${id}-edit`} label="Edit your comment" value={draft} onChange={setDraft} members={members} onSubmit={save} autoFocus maxLength={COMMENT_MAX} />
          <div className="flex gap-2">
            <Button size="sm" onClick={save} disabled={busy || !draft.trim()}>
              {busy ? "Saving…" : "Save"}
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                setEditing(false);
                setDraft(comment.body);
                setError(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <CommentBody body={comment.body} members={members} />
      )}
      {error ? <Alert variant="warning">{error}</Alert> : null}
      {mine && !editing ? (
        <div className="flex gap-1">
          {confirming ? (
            <>
              <span className="self-center text-xs">Delete this comment?</span>
              <Button size="sm" variant="destructive" onClick={remove} disabled={busy}>
                {busy ? "Deleting…" : "Delete"}
              </Button>
              <Button size="sm" variant="outline" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setDraft(comment.body);
                  setEditing(true);
                }}
              >
                Edit<span className="sr-only"> your comment</span>
              </Button>
              <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setConfirming(true)}>
                Delete<span className="sr-only"> your comment</span>
              </Button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}

function Composer({ entityType, entityId, members, onAdded }: { entityType: CommentableType; entityId: string; members: readonly Mentionable[]; onAdded: () => void }) {
  const { team } = useLive();
  const id = useId();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const result = await addCommentAction({ team, entityType, entityId, body }).catch(() => null);
    setBusy(false);
    if (!result) return setError("The server could not be reached. Nothing was saved; please try again.");
    const message = failure(result);
    if (message) return setError(message);
    setError(null);
    setBody("");
    onAdded();
  };

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <MentionTextarea
        id={`${id}-new`}
        label="Write a comment"
        placeholder="Write a comment; type @ to mention someone"
        value={body}
        onChange={setBody}
        members={members}
        onSubmit={submit}
        maxLength={COMMENT_MAX}
      />
      {error ? <Alert variant="error">{error}</Alert> : null}
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted-foreground">Ctrl + Enter to send</span>
        <Button type="submit" size="sm" disabled={busy || !body.trim()}>
          {busy ? "Sending…" : "Comment"}
        </Button>
      </div>
    </form>
  );
}

// GET /docs/api — the REST API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves (no client library).
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { buildOpenApiDocument, type OperationObject, type SchemaObject } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "REST API reference" };

/** The problem types the API answers with: each `type` URI points at one of these anchors. */
const PROBLEMS: Array<[code: string, status: number, meaning: string]> = [
  ["bad_request", 400, "The body is not valid JSON, or a header is malformed (If-Match)."],
  ["unauthenticated", 401, "No API key, or one that is not valid (unknown or revoked)."],
  ["payment_required", 402, "The team's plan does not allow this (e.g. a second scorecard on Free), or the team is read-only until payment is fixed."],
  ["forbidden", 403, "The key lacks the scope this operation needs (write for POST, PATCH and DELETE), or its creator's current role no longer allows it (a key of a member who is now a viewer can only read)."],
  ["not_found", 404, "Nothing with this id in the key's team. Another team's ids are 404s too."],
  ["conflict", 409, "A concurrent change got in the way; retry."],
  ["precondition_failed", 412, "If-Match names a version that is no longer current; `current` holds the resource as it is now."],
  ["too_large", 413, "The body is larger than the operation accepts."],
  ["media_type", 415, "The body is not sent as application/json."],
  ["validation", 422, "Invalid input; `errors` lists each problem with a JSON Pointer into the body (`pointer`) or a parameter (`name`), and its `reason`."],
  ["precondition_required", 428, "PATCH without If-Match."],
  ["rate_limited", 429, "The key made too many requests; wait Retry-After seconds."],
  ["internal", 500, "Something failed on our side; nothing was saved."],
];

const METHOD_TONE: Record<string, string> = {
  get: "bg-status-green-bg text-status-green border-status-green-border",
  post: "bg-muted text-foreground border-border",
  patch: "bg-status-amber-bg text-status-amber border-status-amber-border",
};

/** `code` spans of the document's prose as <code>. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part, i) =>
        part.startsWith("`") ? (
          <code key={i} className="rounded bg-muted px-1 py-0.5 text-[0.85em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

const refName = (ref: string) => ref.split("/").at(-1)!;

/** A short, linked description of a schema's type: "string (uuid)", "Kpi[]", "number or null"… */
function TypeOf({ schema }: { schema: SchemaObject | undefined }): ReactNode {
  if (!schema || Object.keys(schema).length === 0) return "any";
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#schema-${name}`} className="font-medium text-primary underline underline-offset-2">
        {name}
      </a>
    );
  }
  if (schema.anyOf) {
    return schema.anyOf.map((s, i) => (
      <span key={i}>
        {i > 0 ? " or " : null}
        <TypeOf schema={s} />
      </span>
    ));
  }
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  if (types.includes("array")) {
    return (
      <>
        <TypeOf schema={schema.items} />
        []
      </>
    );
  }
  if (types.includes("object") && schema.properties) return <>object {"{ "}{Object.keys(schema.properties).join(", ")}{" }"}</>;
  return `${types.join(" or ")}${schema.format ? ` (${schema.format})` : ""}`;
}

function constraints(schema: SchemaObject): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined && schema.minimum > -1e15) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined && schema.maximum < 1e15) parts.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems.toLocaleString("en")} items`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function Properties({ schema }: { schema: SchemaObject }) {
  const required = new Set(schema.required ?? []);
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <thead className="bg-muted/50 text-left">
          <tr>
            <th className="px-3 py-2 font-medium">Field</th>
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(schema.properties ?? {}).map(([name, property]) => (
            <tr key={name} className="border-t align-top">
              <td className="px-3 py-2">
                <code>{name}</code>
                {required.has(name) ? <span className="ml-1 text-xs text-muted-foreground">required</span> : null}
              </td>
              <td className="px-3 py-2">
                <TypeOf schema={property} />
              </td>
              <td className="px-3 py-2 text-muted-foreground">{[property.description, constraints(property)].filter(Boolean).join(". ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ path, method, op }: { path: string; method: string; op: OperationObject }) {
  const anchor = `op-${op.operationId}`;
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <section id={anchor} className="flex scroll-mt-4 flex-col gap-3 rounded-lg border p-4">
      <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`rounded border px-2 py-0.5 font-mono text-xs uppercase ${METHOD_TONE[method] ?? ""}`}>{method}</span>
        <code className="break-all">/api/v1{path}</code>
        <span className="font-normal text-muted-foreground">— {op.summary}</span>
      </h3>
      {op.description ? (
        <p className="text-sm">
          <Prose text={op.description} />
        </p>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Key scope: <code>{op["x-scope"]}</code>
      </p>
      {op.parameters?.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code>{p.name}</code> <span className="text-muted-foreground">({p.in}{p.required ? ", required" : ""})</span> — <TypeOf schema={p.schema} />
                {p.description || constraints(p.schema) ? <span className="text-muted-foreground">. {[p.description, constraints(p.schema)].filter(Boolean).join(". ")}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {body ? (
        <p className="text-sm">
          <span className="font-semibold">Body</span> (application/json): <TypeOf schema={body} />
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="flex flex-col gap-1 text-sm">
          {Object.entries(op.responses).map(([status, response]) => {
            const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
            return (
              <li key={status}>
                <code className={status.startsWith("2") ? "text-status-green" : undefined}>{status}</code> {response.description}
                {media ? (
                  <span className="text-muted-foreground">
                    {" "}
                    — {type}, <TypeOf schema={media.schema} />
                  </span>
                ) : null}
                {response.headers ? <span className="text-muted-foreground"> (headers: {Object.keys(response.headers).join(", ")})</span> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

export default function ApiReferencePage() {
  const doc = buildOpenApiDocument();
  const tags = doc.tags.map((t) => t.name);
  const schemas = doc.components.schemas;
  const info = doc.info;
  const server = doc.servers[0]!.url;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" aria-label="Cairn home">
            <Logo className="text-lg" />
          </Link>
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-primary underline underline-offset-4">
            openapi.json
          </a>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 py-8 lg:flex-row">
        <nav aria-label="API reference" className="shrink-0 lg:sticky lg:top-4 lg:w-60 lg:self-start">
          <ul className="flex flex-col gap-3 text-sm">
            {tags.map((tag) => (
              <li key={tag}>
                <p className="font-semibold">{tag}</p>
                <ul className="mt-1 flex flex-col gap-1">
                  {operations
                    .filter(({ op }) => op.tags?.includes(tag))
                    .map(({ op }) => (
                      <li key={op.operationId}>
                        <a href={`#op-${op.operationId}`} className="text-muted-foreground hover:text-foreground">
                          {op.summary}
                        </a>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#errors" className="font-semibold">
                Errors
              </a>
            </li>
            <li>
              <a href="#schemas" className="font-semibold">
                Schemas
              </a>
            </li>
          </ul>
        </nav>
        <main className="flex min-w-0 flex-1 flex-col gap-8">
          <header className="flex flex-col gap-3">
            <h1 className="text-3xl font-semibold tracking-tight">{info.title}</h1>
            <p className="text-muted-foreground">
              Version {info.version} · OpenAPI {doc.openapi} · Base URL <code>{server}</code>
            </p>
            {info.description.split("\n\n").map((paragraph, i) => (
              <p key={i} className="max-w-3xl text-sm leading-6">
                <Prose text={paragraph} />
              </p>
            ))}
            <pre className="max-w-3xl overflow-x-auto rounded-md bg-muted p-3 text-xs">
              {`curl -H "Authorization: Bearer $CAIRN_KEY" ${server}/scorecards\n\ncurl -X POST -H "Authorization: Bearer $CAIRN_KEY" -H "Content-Type: application/json" \\\n  -d '{"items":[{"kpiId":"…","period":"2026-03-01","value":41.5}]}' ${server}/measurements/batch`}
            </pre>
          </header>

          {tags.map((tag) => (
            <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-4">
              <h2 id={`tag-${tag}`} className="text-xl font-semibold">
                {tag}
              </h2>
              {operations
                .filter(({ op }) => op.tags?.includes(tag))
                .map(({ path, method, op }) => (
                  <Operation key={op.operationId} path={path} method={method} op={op} />
                ))}
            </section>
          ))}

          <section id="errors" aria-labelledby="errors-title" className="flex scroll-mt-4 flex-col gap-3">
            <h2 id="errors-title" className="text-xl font-semibold">
              Errors
            </h2>
            <p className="max-w-3xl text-sm">
              Every error is an RFC 9457 problem (<code>application/problem+json</code>) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and{" "}
              <code>instance</code>; see <a href="#schema-Problem" className="text-primary underline underline-offset-2">Problem</a>. Its <code>type</code> links to one of these:
            </p>
            <dl className="flex flex-col gap-2 text-sm">
              {PROBLEMS.map(([code, status, meaning]) => (
                <div key={code} id={`problem-${code}`} className="scroll-mt-4">
                  <dt className="font-medium">
                    {status} <code>{code}</code>
                  </dt>
                  <dd className="text-muted-foreground">
                    <Prose text={meaning} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section id="schemas" aria-labelledby="schemas-title" className="flex scroll-mt-4 flex-col gap-4">
            <h2 id="schemas-title" className="text-xl font-semibold">
              Schemas
            </h2>
            {Object.entries(schemas).map(([name, schema]) => (
              <section key={name} id={`schema-${name}`} className="flex scroll-mt-4 flex-col gap-2">
                <h3 className="font-mono text-base font-semibold">{name}</h3>
                {schema.description ? <p className="text-sm text-muted-foreground">{schema.description}</p> : null}
                {schema.properties ? (
                  <Properties schema={schema} />
                ) : (
                  <p className="text-sm">
                    <TypeOf schema={schema} />
                  </p>
                )}
              </section>
            ))}
          </section>
        </main>
      </div>
    </div>
  );
}

// A small JSON Schema 2020-12 validator for the subset z.toJSONSchema writes, used to check
// real API responses against the served OpenAPI document. It refuses keywords it does not
// know instead of skipping them, so a schema it cannot check fails loudly, never passes.
/** A JSON Schema: an object of keywords, or true / false. */
type Schema = object | boolean;

const ANNOTATIONS = new Set(["$schema", "$id", "$defs", "description", "title", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment"]);
const KNOWN = new Set([
  ...ANNOTATIONS, "$ref", "type", "properties", "required", "additionalProperties", "items", "prefixItems", "enum", "const",
  "anyOf", "oneOf", "allOf", "not", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "minItems", "maxItems", "uniqueItems",
]);

const FORMATS: Record<string, (value: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  "date-time": (v) => !Number.isNaN(Date.parse(v)),
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/** Follows a local `#/a/b` reference inside `root`. */
function resolve(root: unknown, ref: string): Schema {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, not ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  return node as Schema;
}

/** Every way `value` breaks `schema` ([] when it conforms), each as "<instance path>: <reason>". */
export function schemaErrors(schema: Schema, value: unknown, root: unknown = schema, path = ""): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path || "/"}: no value is allowed here`];
  const s = schema as Record<string, unknown>;
  const unknown = Object.keys(s).filter((k) => !KNOWN.has(k) && !k.startsWith("x-"));
  if (unknown.length) throw new Error(`Unsupported JSON Schema keyword(s) at ${path || "/"}: ${unknown.join(", ")}`);
  const at = path || "/";
  const errors: string[] = [];

  if (typeof s.$ref === "string") errors.push(...schemaErrors(resolve(root, s.$ref), value, root, path));
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(value, t))) return [...errors, `${at}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if (s.enum && !(s.enum as unknown[]).some((option) => JSON.stringify(option) === JSON.stringify(value))) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => schemaErrors(sub, value, root, path).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (s.oneOf && (s.oneOf as Schema[]).filter((sub) => schemaErrors(sub, value, root, path).length === 0).length !== 1) errors.push(`${at}: must match exactly one of oneOf`);
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) errors.push(...schemaErrors(sub, value, root, path));
  if (s.not !== undefined && schemaErrors(s.not as Schema, value, root, path).length === 0) errors.push(`${at}: must not match "not"`);

  if (typeof value === "string") {
    if (typeof s.minLength === "number" && [...value].length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && [...value].length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) errors.push(`${at}: does not match ${s.pattern}`);
    if (typeof s.format === "string") {
      const check = FORMATS[s.format];
      if (!check) throw new Error(`Unsupported format ${s.format}`);
      if (!check(value)) errors.push(`${at}: not a valid ${s.format}`);
    }
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${at}: below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${at}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) errors.push(`${at}: not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) errors.push(`${at}: not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
    if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${at}: items are not unique`);
    const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
    value.forEach((item, i) => {
      const sub = i < prefix.length ? prefix[i] : (s.items as Schema | undefined);
      if (sub !== undefined) errors.push(...schemaErrors(sub, item, root, `${path}/${i}`));
    });
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) {
      if (!(key in object)) errors.push(`${at}: missing required property "${key}"`);
    }
    for (const [key, item] of Object.entries(object)) {
      const child = `${path}/${key}`;
      if (key in properties) errors.push(...schemaErrors(properties[key]!, item, root, child));
      else if (s.additionalProperties !== undefined) errors.push(...schemaErrors(s.additionalProperties as Schema, item, root, child).map((e) => (s.additionalProperties === false ? `${child}: property not allowed` : e)));
    }
  }
  return errors;
}

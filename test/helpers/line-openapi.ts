/**
 * The requests the bot sends to LINE, checked against LINE's own OpenAPI description of the
 * Messaging API (`test/line/fixtures/messaging-api.json`, see SOURCE.md there): every recorded
 * call must be an operation the document has (method and path), and its JSON body must match
 * the operation's request schema (types, required properties, enums, lengths and sizes, the
 * `type` discriminators of messages, actions and Flex components).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RecordedCall } from "../../scripts/lib/line-stand-in";

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** The OpenAPI document the requests are checked against, relative to the repository root. */
export const MESSAGING_API_FILE = "test/line/fixtures/messaging-api.json";

const document = JSON.parse(readFileSync(join(__dirname, "..", "..", MESSAGING_API_FILE), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;

/** The document's paths as patterns, `{richMenuId}` matching one path segment. */
const operations = Object.entries(document.paths).map(([path, methods]) => ({
  path,
  pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  methods,
}));

/** The operation for `method` and `path`, preferring a literal path (`/richmenu/alias/list`) over a template. */
function operationOf(method: string, path: string): { path: string; operation: Operation } | null {
  const matches = operations.filter((candidate) => candidate.pattern.test(path) && candidate.methods[method.toLowerCase()]);
  matches.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  const found = matches[0];
  return found ? { path: found.path, operation: found.methods[method.toLowerCase()] } : null;
}

function named(ref: string): Schema {
  const found = schemas[ref.replace("#/components/schemas/", "")];
  if (!found) throw new Error(`the document has no ${ref}`);
  return found;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** What in `value` does not match `schema`, one line each, naming the property. */
function problems(schema: Schema, value: unknown, at: string, dispatch = true): string[] {
  if (schema.$ref !== undefined) return problems(named(schema.$ref), value, at, dispatch);
  const found: string[] = [];
  const discriminator = schema.discriminator;
  if (dispatch && discriminator?.mapping && isRecord(value)) {
    const key = value[discriminator.propertyName];
    const ref = typeof key === "string" ? discriminator.mapping[key] : undefined;
    if (ref === undefined) return [`${at}.${discriminator.propertyName}: ${JSON.stringify(key)} is none of the document's types`];
    return problems(named(ref), value, at, false);
  }
  // A subtype's allOf names its base, whose discriminator must not send it back here.
  for (const part of schema.allOf ?? []) found.push(...problems(part, value, at, false));
  if (schema.enum && !schema.enum.includes(value))
    found.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return [...found, `${at}: must be a string`];
      if (schema.minLength !== undefined && value.length < schema.minLength) found.push(`${at}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) found.push(`${at}: longer than ${schema.maxLength}`);
      return found;
    case "integer":
    case "number":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value)))
        return [...found, `${at}: must be of type ${schema.type}`];
      if (schema.minimum !== undefined && value < schema.minimum) found.push(`${at}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) found.push(`${at}: above ${schema.maximum}`);
      return found;
    case "boolean":
      return typeof value === "boolean" ? found : [...found, `${at}: must be true or false`];
    case "array":
      if (!Array.isArray(value)) return [...found, `${at}: must be an array`];
      if (schema.minItems !== undefined && value.length < schema.minItems) found.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) found.push(`${at}: more than ${schema.maxItems} items`);
      value.forEach((item, i) => found.push(...problems(schema.items ?? {}, item, `${at}[${i}]`)));
      return found;
  }
  if (schema.properties || schema.required || schema.type === "object") {
    if (!isRecord(value)) return [...found, `${at}: must be an object`];
    for (const name of schema.required ?? []) if (value[name] === undefined) found.push(`${at}.${name}: is required`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (value[name] !== undefined) found.push(...problems(property, value[name], `${at}.${name}`));
    }
  }
  return found;
}

/**
 * What in `call` the Messaging API's OpenAPI document does not allow: an unknown operation, or
 * a JSON body that does not match its request schema. Uploads (binary bodies) are checked for
 * their operation only.
 */
export function openApiProblems(call: Pick<RecordedCall, "method" | "path" | "body">): string[] {
  const where = `${call.method} ${call.path}`;
  const found = operationOf(call.method, call.path);
  if (found === null) return [`${where}: no such operation in ${MESSAGING_API_FILE}`];
  const schema = found.operation.requestBody?.content?.["application/json"]?.schema;
  // Faults a test injected are recorded without their body: only their operation is checked.
  if (schema === undefined || call.body === undefined || Buffer.isBuffer(call.body)) return [];
  return problems(schema, call.body, "body").map((problem) => `${where}: ${problem}`);
}

/** The problems of every call the stand-in recorded, in order. */
export function requestsOffOpenApi(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap(openApiProblems);
}

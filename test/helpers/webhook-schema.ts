/**
 * Example webhook events generated from LINE's webhook schema (the OpenAPI file kept in
 * `test/line/fixtures/`, see SOURCE.md there). Every discriminator mapping becomes its own
 * example (event types, message types, mentionee types, membership and module contents);
 * every enum value and every array item type gets a variant of its own; required properties
 * are filled with plausible values, and a second, "full" example of each also has every
 * optional property.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  discriminator?: { propertyName: string; mapping: Record<string, string> };
}

/** One example event body as the schema describes it (its source and mode are set by the caller). */
export interface SchemaExample {
  /** The event type, e.g. `message`. */
  type: string;
  /** What sets this example apart, e.g. `message:text full mention.mentionees[all]`. */
  label: string;
  /** True when it has every optional property too. */
  full: boolean;
  event: Record<string, unknown>;
}

/** The schema file the examples come from, relative to the repository root. */
export const WEBHOOK_SCHEMA_FILE = "test/line/fixtures/webhook.json";

const document = JSON.parse(readFileSync(join(__dirname, "..", "..", WEBHOOK_SCHEMA_FILE), "utf8")) as {
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;

/** For each schema a discriminator maps to: the property and value that select it (UserSource: type "user"). */
const selectedBy = new Map<string, { propertyName: string; key: string }>();
for (const schema of Object.values(schemas)) {
  for (const [key, ref] of Object.entries(schema.discriminator?.mapping ?? {})) {
    selectedBy.set(ref, { propertyName: schema.discriminator!.propertyName, key });
  }
}

function resolve(schema: Schema): Schema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const found = schemas[name];
  if (!found) throw new Error(`the schema has no ${schema.$ref}`);
  return resolve(found);
}

/** Properties and required names of an object schema, merged over its `allOf` parts. */
function flatten(schema: Schema): { properties: Record<string, Schema>; required: Set<string> } {
  const resolved = resolve(schema);
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const part of resolved.allOf ?? []) {
    const inner = flatten(part);
    Object.assign(properties, inner.properties);
    for (const name of inner.required) required.add(name);
  }
  Object.assign(properties, resolved.properties ?? {});
  for (const name of resolved.required ?? []) required.add(name);
  return { properties, required };
}

const hex = (bytes: number): string => randomBytes(bytes).toString("hex");

/** A plausible value for a string property, from its name and format. */
function stringFor(name: string, schema: Schema): string {
  if (schema.format === "uri") return `https://example.com/content/${hex(4)}.jpg`;
  switch (name) {
    case "text":
      return "今日は先輩に「ありがとう」と言われました";
    case "userId":
      return `U${hex(16)}`;
    case "groupId":
      return `C${hex(16)}`;
    case "roomId":
      return `R${hex(16)}`;
    case "data":
      return "action=catalogue";
    case "fileName":
      return "report.pdf";
    case "title":
      return "東京駅";
    case "address":
      return "東京都千代田区丸の内1丁目";
    case "productId":
      return "5ac1bfd5040ab15980c9b435";
    case "emojiId":
      return "001";
    case "packageId":
      return "446";
    case "stickerId":
      return "1988";
    default:
      return hex(8);
  }
}

/** Every example of `schema`: one per discriminator mapping, enum value and array item variant. */
function examplesOf(schema: Schema, name: string, full: boolean, trail: string): Array<{ value: unknown; label: string }> {
  const resolved = resolve(schema);
  if (resolved.discriminator) {
    const { propertyName, mapping } = resolved.discriminator;
    return Object.entries(mapping).flatMap(([key, ref]) =>
      objectExamples({ $ref: ref }, full, trail).map(({ value, label }) => ({
        value: { ...(value as Record<string, unknown>), [propertyName]: key },
        label: `${trail}${trail ? ":" : ""}${key}${label ? ` ${label}` : ""}`,
      })),
    );
  }
  if (resolved.enum) return resolved.enum.map((value, i) => ({ value, label: i === 0 ? "" : `${trail}=${String(value)}` }));
  if (resolved.allOf || resolved.properties || resolved.type === "object") {
    if (!resolved.allOf && !resolved.properties && resolved.additionalProperties) {
      return [{ value: { date: "2026-12-01", time: "10:00", datetime: "2026-12-01T10:00" }, label: "" }];
    }
    return objectExamples(schema, full, trail);
  }
  switch (resolved.type) {
    case "array":
      return examplesOf(resolved.items ?? {}, name, full, `${trail}[]`).map(({ value, label }) => ({ value: [value], label }));
    case "string":
      return [{ value: stringFor(name, resolved), label: "" }];
    case "integer":
      return [{ value: name === "expireAt" ? Date.UTC(2026, 11, 1) : name === "fileSize" ? 2048 : 1, label: "" }];
    case "number":
      return [{ value: name === "latitude" ? 35.681236 : 139.767125, label: "" }];
    case "boolean":
      return [{ value: false, label: "" }];
    default:
      throw new Error(`no example for ${trail || name} (type ${String(resolved.type)})`);
  }
}

/**
 * Examples of an object: the base has the first example of each property; each further
 * example of a property gives one more variant with only that property changed.
 */
function objectExamples(
  schema: Schema,
  full: boolean,
  trail: string,
  omit: readonly string[] = [],
): Array<{ value: unknown; label: string }> {
  const { properties, required } = flatten(schema);
  const names = Object.keys(properties).filter((name) => (full || required.has(name)) && !omit.includes(name));
  const perProperty = names.map((name) => examplesOf(properties[name], name, full, trail ? `${trail}.${name}` : name));
  const base = Object.fromEntries(names.map((name, i) => [name, perProperty[i][0].value]));
  const baseLabel = perProperty
    .map((examples) => examples[0].label)
    .filter(Boolean)
    .join(" ");
  const selector = schema.$ref === undefined ? undefined : selectedBy.get(schema.$ref);
  if (selector) base[selector.propertyName] = selector.key;
  const variants = [{ value: base as unknown, label: baseLabel }];
  names.forEach((name, i) => {
    if (name === selector?.propertyName) return;
    for (const other of perProperty[i].slice(1)) variants.push({ value: { ...base, [name]: other.value }, label: other.label });
  });
  return variants;
}

/** Every example event of LINE's webhook schema, each without and with its optional properties. */
export function webhookSchemaExamples(): SchemaExample[] {
  const event = schemas.Event;
  if (!event?.discriminator) throw new Error("the schema's Event has no discriminator");
  return [false, true].flatMap((full) =>
    Object.entries(event.discriminator!.mapping).flatMap(([type, ref]) =>
      // The source and the mode are the caller's axes: every example is sent from each.
      objectExamples({ $ref: ref }, full, "", ["source", "mode"]).map(({ value, label }) => ({
        type,
        full,
        label: `${type}${label ? ` ${label}` : ""} (${full ? "all properties" : "required only"})`,
        event: { ...(value as Record<string, unknown>), type },
      })),
    ),
  );
}

/** The event types the schema names, in its order. */
export function webhookSchemaEventTypes(): string[] {
  return Object.keys(schemas.Event?.discriminator?.mapping ?? {});
}

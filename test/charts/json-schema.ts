// A small JSON Schema (draft 7 subset) validator for the Vega-Lite schema: exactly the keywords
// that schema uses. An unknown keyword throws, so a schema change cannot make checks pass silently.
type Schema = boolean | Record<string, unknown>;

const IGNORED = new Set(["description", "$schema", "format", "definitions", "title", "default"]);
const KNOWN = new Set([
  "$ref",
  "type",
  "anyOf",
  "properties",
  "additionalProperties",
  "required",
  "enum",
  "const",
  "items",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minProperties",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function validate(root: Record<string, unknown>, value: unknown): string[] {
  const defs = (root.definitions ?? {}) as Record<string, Schema>;
  const check = (schema: Schema, v: unknown, path: string, errors: string[]): void => {
    if (schema === true) return;
    if (schema === false) {
      errors.push(`${path}: not allowed`);
      return;
    }
    for (const key of Object.keys(schema)) if (!KNOWN.has(key) && !IGNORED.has(key)) throw new Error(`validator: unsupported keyword ${key}`);
    if (typeof schema.$ref === "string") {
      const name = decodeURIComponent(schema.$ref.replace(/^#\/definitions\//, ""));
      const target = defs[name];
      if (target === undefined) throw new Error(`validator: unresolved ${schema.$ref}`);
      check(target, v, path, errors);
    }
    const t = typeOf(v);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((x) => x === t || (x === "number" && t === "integer"))) {
        errors.push(`${path}: expected ${types.join("|")}, got ${t}`);
        return;
      }
    }
    if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => same(e, v))) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if ("const" in schema && !same(schema.const, v)) errors.push(`${path}: expected const ${JSON.stringify(schema.const)}`);
    if (schema.anyOf !== undefined) {
      const branches = schema.anyOf as Schema[];
      let best: string[] | undefined;
      let ok = false;
      for (const b of branches) {
        const e: string[] = [];
        check(b, v, path, e);
        if (e.length === 0) {
          ok = true;
          break;
        }
        if (best === undefined || e.length < best.length) best = e;
      }
      if (!ok) errors.push(`${path}: no anyOf branch matches (closest: ${(best ?? []).slice(0, 3).join("; ")})`);
    }
    if (t === "number" || t === "integer") {
      if (typeof schema.minimum === "number" && (v as number) < schema.minimum) errors.push(`${path}: below minimum`);
      if (typeof schema.maximum === "number" && (v as number) > schema.maximum) errors.push(`${path}: above maximum`);
    }
    if (t === "string") {
      if (typeof schema.minLength === "number" && (v as string).length < schema.minLength) errors.push(`${path}: too short`);
      if (typeof schema.maxLength === "number" && (v as string).length > schema.maxLength) errors.push(`${path}: too long`);
    }
    if (t === "array") {
      const a = v as unknown[];
      if (typeof schema.minItems === "number" && a.length < schema.minItems) errors.push(`${path}: too few items`);
      if (typeof schema.maxItems === "number" && a.length > schema.maxItems) errors.push(`${path}: too many items`);
      if (schema.items !== undefined) a.forEach((x, i) => check(schema.items as Schema, x, `${path}[${i}]`, errors));
    }
    if (t === "object") {
      const o = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in o)) errors.push(`${path}: missing ${r}`);
      if (typeof schema.minProperties === "number" && Object.keys(o).length < schema.minProperties) errors.push(`${path}: too few properties`);
      for (const [k, x] of Object.entries(o)) {
        if (k in props) check(props[k]!, x, `${path}.${k}`, errors);
        else if (schema.additionalProperties !== undefined) check(schema.additionalProperties as Schema, x, `${path}.${k}`, errors);
      }
    }
  };
  const errors: string[] = [];
  check(root, value, "$", errors);
  return errors;
}

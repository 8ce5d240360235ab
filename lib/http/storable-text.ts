/**
 * Where a value holds text PostgreSQL cannot store exactly: a NUL character
 * (rejected by PostgreSQL with error 22021, which used to surface as a 500)
 * or a lone UTF-16 surrogate (which the driver would rewrite as U+FFFD, so
 * what is stored would differ from what was sent). Returns the path of the
 * first such string ("body", "passage.exact"), or null.
 */
export function unstorableTextPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isStorable(value) ? null : path || "_";
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = unstorableTextPath(value[index], path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (!isStorable(key)) return keyPath;
      const found = unstorableTextPath(item, keyPath);
      if (found !== null) return found;
    }
  }
  return null;
}

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

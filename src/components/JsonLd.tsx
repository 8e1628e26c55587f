type Props = { data: unknown };

/**
 * JSON as text safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e` and
 * `\u0026` (the same string to a JSON reader), so `</script>` or `<!--` in a title cannot end
 * the block; U+2028 and U+2029 are escaped too, for old JavaScript parsers.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/gu, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A JSON-LD block: data for search engines, which the browser never runs. */
export function JsonLd({ data }: Props) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}

/**
 * A command's options, read with node:util's parseArgs: the values and the other arguments, or
 * the first mistake for the command to word in its own one line (an unknown option, or one without
 * its value).
 */
import { parseArgs } from 'node:util';

/** The options a command takes: each a string, a repeatable string, or a flag. */
type Spec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

type Values<S extends Spec> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : S[K]['multiple'] extends true ? string[] : string;
};

export type Reading<S extends Spec> =
  | { ok: true; values: Values<S>; positionals: string[] }
  | { ok: false; unknown: string }
  | { ok: false; missing: string };

/**
 * Reads `args` against `spec`. An argument that starts with `--` and is not in `spec` is unknown,
 * and so is any other argument when the command takes none (`positionals` false); a string option
 * at the end, or given as `--x=`, is missing its value.
 */
export function readOptions<S extends Spec>(args: readonly string[], spec: S, positionals: boolean): Reading<S> {
  const { tokens } = parseArgs({ args: [...args], options: spec, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  const rest: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!positionals) return { ok: false, unknown: token.value };
      rest.push(token.value);
      continue;
    }
    const option = spec[token.name];
    if (!option) return { ok: false, unknown: token.rawName };
    if (option.type === 'boolean') {
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || token.value === '') return { ok: false, missing: token.rawName };
    if (option.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else values[token.name] = token.value;
  }
  return { ok: true, values: values as Values<S>, positionals: rest };
}

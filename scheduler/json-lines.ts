// A small JSON reader that keeps the line of every value, so a bad entry in a JSON registry is
// reported as "line 42: sites[1].url" like a CSV row would be. Standard JSON only (RFC 8259).

export type JsonNode =
  | { kind: 'object'; line: number; entries: Map<string, JsonNode> }
  | { kind: 'array'; line: number; items: JsonNode[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'boolean'; line: number; value: boolean }
  | { kind: 'null'; line: number };

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'JsonSyntaxError';
  }
}

export function parseJsonWithLines(text: string): JsonNode {
  let i = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(line, i >= text.length ? `unexpected end of input, expected ${what}` : `unexpected ${JSON.stringify(text[i])}, expected ${what}`);
  };
  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail(`"${c}"`);
    i++;
  };
  const readString = (): string => {
    const start = i;
    expect('"');
    let out = '';
    while (i < text.length && text[i] !== '"') {
      const c = text[i];
      if (c === '\n') throw new JsonSyntaxError(line, 'line break inside a string');
      if (c === '\\') {
        const end = text[i + 1] === 'u' ? i + 6 : i + 2;
        try {
          out += JSON.parse(`"${text.slice(i, end)}"`);
        } catch {
          throw new JsonSyntaxError(line, `bad escape ${text.slice(i, end)}`);
        }
        i = end;
      } else {
        out += c;
        i++;
      }
    }
    if (i >= text.length) {
      i = start;
      fail('a closing quote');
    }
    i++;
    return out;
  };
  const readValue = (): JsonNode => {
    skipSpace();
    const at = line;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries = new Map<string, JsonNode>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', line: at, entries };
      }
      for (;;) {
        skipSpace();
        const key = readString();
        skipSpace();
        expect(':');
        entries.set(key, readValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', line: at, entries };
        } else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', line: at, items };
      }
      for (;;) {
        items.push(readValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', line: at, items };
        } else fail('"," or "]"');
      }
    }
    if (c === '"') return { kind: 'string', line: at, value: readString() };
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!lit) return fail('a value');
    i += lit[0].length;
    if (lit[0] === 'true' || lit[0] === 'false') return { kind: 'boolean', line: at, value: lit[0] === 'true' };
    if (lit[0] === 'null') return { kind: 'null', line: at };
    return { kind: 'number', line: at, value: Number(lit[0]) };
  };
  const root = readValue();
  skipSpace();
  if (i < text.length) fail('end of input');
  return root;
}

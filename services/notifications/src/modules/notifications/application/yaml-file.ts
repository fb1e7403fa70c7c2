import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigFileError } from './config-file-error';

type Problem = { path: (string | number)[]; message: string };

/** A parsed YAML file that can say on which line any of its values sits. */
export class YamlFile<T> {
  private constructor(
    readonly name: string,
    readonly value: T,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text` and validates it with `schema`; any syntax or schema error is refused with its line. */
  static parse<S extends z.ZodType>(name: string, text: string, schema: S): YamlFile<z.infer<S>> {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (document.errors.length > 0) {
      throw new ConfigFileError(
        name,
        document.errors.map((error) => {
          const at = lines.linePos(error.pos[0]);
          return { line: at.line, column: at.col, path: '', message: error.message.split('\n')[0] };
        }),
      );
    }
    const parsed = schema.safeParse(document.toJS());
    const file = new YamlFile(name, parsed.data as z.infer<S>, document, lines);
    if (!parsed.success)
      file.refuse(
        parsed.error.issues.map((issue) => ({
          path: issue.path as (string | number)[],
          message: issue.message,
        })),
      );
    return file;
  }

  /** Where the node at `path` (or its nearest existing parent) starts. */
  position(path: (string | number)[]): { line: number; column: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.document.contents : this.document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const at = this.lines.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return { line: 1, column: 1 };
  }

  refuse(problems: Problem[]): never {
    throw new ConfigFileError(
      this.name,
      problems.map((p) => ({ ...this.position(p.path), path: p.path.join('.'), message: p.message })),
    );
  }
}

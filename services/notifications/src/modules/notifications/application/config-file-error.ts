/** A rule or template file that cannot be used, with where: file, line and column of each problem. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line: number; column: number; path: string; message: string }[],
  ) {
    super(
      `${file} refused:\n${problems.map((p) => `  ${file}:${p.line}:${p.column} ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigFileError';
  }
}

/** One problem in a config file, located by its YAML path, e.g. `endpoints[1].model.provider`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** A config file that cannot be served. The message lists the file and every issue. */
export class ConfigError extends Error {
  readonly filePath: string;
  readonly issues: ConfigIssue[];

  constructor(filePath: string, issues: ConfigIssue[]) {
    super(formatConfigIssues(filePath, issues));
    this.name = 'ConfigError';
    this.filePath = filePath;
    this.issues = issues;
  }
}

function formatConfigIssues(filePath: string, issues: ConfigIssue[]): string {
  const lines = issues.map((issue) => (issue.path ? `  ${issue.path}: ${issue.message}` : `  ${issue.message}`));
  return `Invalid gateway configuration in ${filePath}:\n${lines.join('\n')}`;
}

/** The README's fenced code blocks: its YAML examples are whole configs that tests load. */

export interface FencedBlock {
  language: string;
  text: string;
  /** Line of the opening fence, as an editor numbers it. */
  line: number;
}

/** The fenced code blocks, also those indented under a list item (their indentation removed). */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { language: string; indent: number; line: number; lines: string[] } | null = null;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^( *)```(\S*)\s*$/.exec(text);
    if (open === null) {
      if (fence) open = { language: fence[2], indent: fence[1].length, line: index + 1, lines: [] };
    } else if (fence && fence[2] === '') {
      blocks.push({ language: open.language, text: open.lines.join('\n') + '\n', line: open.line });
      open = null;
    } else {
      open.lines.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
    }
  });
  return blocks;
}

/** The `yaml` (or `yml`) blocks of a Markdown text. */
export function readmeYamlBlocks(markdown: string): FencedBlock[] {
  return fencedBlocks(markdown).filter((block) => block.language === 'yaml' || block.language === 'yml');
}

/** The Secret files the examples read (`/run/secrets/…`): tests make them under a temporary folder standing in for `/`. */
export const README_SECRET_FILE = /\/run\/secrets\/[\w./-]+/g;

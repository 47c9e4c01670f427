/**
 * Parse a paper file back the way MDX will, to prove that what the generator
 * wrote is data and nothing else: no ESM (`import`/`export`), no `{…}`
 * expressions, no JSX or HTML.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parsePaperYaml } from './paperYaml.ts';

/** Node types that make MDX run code or emit live markup. */
export const EXECUTABLE_NODE_TYPES = new Set([
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'html',
]);

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** Lists the executable node types found anywhere in MDX text. */
export function findExecutableNodes(mdx: string): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (EXECUTABLE_NODE_TYPES.has(node.type)) found.push(node.type);
    node.children?.forEach(walk);
  };
  walk(processor.parse(mdx) as Node);
  return found;
}

/**
 * Parses a file the generator wrote with an empty body and returns its data,
 * or throws if MDX would read it as anything but a single YAML block. The
 * block is read as the content loader reads it (src/loaders/paperLoader.ts):
 * by the exact reader, which proves its result, else by `yaml`.
 */
export function readBackGenerated(mdx: string): unknown {
  const tree = processor.parse(mdx) as Node;
  const types = tree.children?.map((c) => c.type) ?? [];
  if (types.length !== 1 || types[0] !== 'yaml') {
    throw new Error(`generated MDX parses to [${types.join(', ')}] instead of a single frontmatter block`);
  }
  // MDX's YAML node holds the block without its last line feed.
  const yaml = tree.children![0]!.value ?? '';
  return parsePaperYaml(`${yaml}\n`);
}

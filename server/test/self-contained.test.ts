import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A self-contained repository: no file names a specification file that is not in the repository. The rules are
 * written in the project's own docs (docs/scoring.md, docs/import.md, docs/access.md, ...), and code cites those; the
 * product specification the project was built from lives outside and must not be cited, because a reader of the
 * repository cannot open it. A citation of the project's docs with a section (`docs/scoring.md#annual-result`) must
 * name a heading that exists.
 */

// The names of the outside files, assembled so that this file does not name them itself.
const OUTSIDE = ['domain', 'api', 'import-format', 'worked-examples', 'stack', 'style'];
const CITATION = new RegExp(`(?<![\\w.-])((?:[\\w.-]+/)*)(${OUTSIDE.join('|')})\\.md(?![\\w-])`, 'g');
const SECTION = /(?<![\w.-])(docs\/[\w-]+\.md)#([\w-]+)/g;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/**
 * The places in `text` (the content of `file`) that name one of the outside files by a path that does not exist:
 * neither from the repository's root nor from the file's own folder (a relative link of a markdown page).
 */
export function outsideCitations(file: string, text: string, exists: (path: string) => boolean): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(CITATION)) {
    const cited = `${match[1]}${match[2]}.md`;
    if (exists(normalize(cited)) || exists(normalize(join(dirname(file), cited)))) continue;
    found.push({ file, line: text.slice(0, match.index).split('\n').length, text: match[0] });
  }
  return found;
}

/** GitHub's anchor of a markdown heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every heading of a markdown text. */
function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1]!)));
}

/** Citations of a project doc's section (`docs/x.md#anchor`) whose doc exists but has no such heading. */
export function brokenSections(file: string, text: string, docs: ReadonlyMap<string, string>): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(SECTION)) {
    const doc = docs.get(match[1]!);
    if (doc === undefined || anchorsOf(doc).has(match[2]!)) continue;
    found.push({ file, line: text.slice(0, match.index).split('\n').length, text: match[0] });
  }
  return found;
}

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  encoding: 'utf8',
}).trim();

/** The repository's tracked files (with the changes of the working tree), and the text ones' contents. */
function repository(): { files: Set<string>; texts: Map<string, string> } {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '');
  const texts = new Map<string, string>();
  for (const file of listed) {
    let buffer: Buffer;
    try {
      buffer = readFileSync(join(root, file));
    } catch {
      continue; // deleted in the working tree
    }
    if (buffer.includes(0)) continue; // binary (screenshots)
    texts.set(file, buffer.toString('utf8'));
  }
  return { files: new Set(texts.keys()), texts };
}

describe('the repository is self-contained', () => {
  const outsideName = (name: string) => [name, 'md'].join('.');

  it('finds a citation of an outside file, and accepts the project`s own docs (checked on samples)', () => {
    const exists = (path: string) => ['docs/scoring.md', 'docs/import.md'].includes(path);
    const sample = [
      `// the rule of ${outsideName('domain')} "Scores"`,
      `// see docs/${outsideName('import-format')}, and (${outsideName('worked-examples')})`,
      '// docs/scoring.md#annual-result and docs/import.md',
      `// ${outsideName('stack')} trap 7; ${outsideName('style')}; ../shared/spec/${outsideName('api')}`,
      `// not a citation: my${outsideName('domain')}, ${outsideName('domain')}x`,
    ].join('\n');
    expect(outsideCitations('server/src/x.ts', sample, exists)).toEqual([
      { file: 'server/src/x.ts', line: 1, text: outsideName('domain') },
      { file: 'server/src/x.ts', line: 2, text: `docs/${outsideName('import-format')}` },
      { file: 'server/src/x.ts', line: 2, text: outsideName('worked-examples') },
      { file: 'server/src/x.ts', line: 4, text: outsideName('stack') },
      { file: 'server/src/x.ts', line: 4, text: outsideName('style') },
      { file: 'server/src/x.ts', line: 4, text: `../shared/spec/${outsideName('api')}` },
    ]);
    // A file of that name inside the repository may be named: from the root or from the citing file's folder.
    const inRepo = (path: string) => path === `docs/${outsideName('api')}`;
    expect(outsideCitations('README.md', `docs/${outsideName('api')}`, inRepo)).toEqual([]);
    expect(outsideCitations('docs/x.md', `(${outsideName('api')})`, inRepo)).toEqual([]);
    expect(outsideCitations('server/x.ts', outsideName('api'), inRepo)).toHaveLength(1);
  });

  it('finds a citation of a section that the doc does not have (checked on a sample)', () => {
    const docs = new Map([['docs/scoring.md', '# Scoring\n\n## Annual result\n\n## Years and quarters\n']]);
    // Assembled, so that this file cites no missing section itself.
    const missing = ['docs/scoring.md', 'annual'].join('#');
    const text = `docs/scoring.md#annual-result ${missing} docs/other.md#x docs/scoring.md#years-and-quarters`;
    expect(brokenSections('a.ts', text, docs)).toEqual([{ file: 'a.ts', line: 1, text: missing }]);
    expect(headingAnchor('How problems are reported')).toBe('how-problems-are-reported');
    expect(headingAnchor('Periods, criteria, innovations: the rest')).toBe('periods-criteria-innovations-the-rest');
  });

  it('no file names a specification file that is not in the repository', () => {
    const { files, texts } = repository();
    expect(texts.size).toBeGreaterThan(100);
    const exists = (path: string) => files.has(path);
    const found = [...texts].flatMap(([file, text]) => outsideCitations(file, text, exists));
    expect(found.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('the rule docs name only files that exist', () => {
    const { files, texts } = repository();
    const ruleDocs = ['docs/scoring.md', 'docs/import.md', 'docs/access.md', 'docs/graphql.md'];
    const named = ruleDocs.flatMap((doc) =>
      [...(texts.get(doc) ?? '').matchAll(/`((?:server|shared|dashboard)\/[\w./-]+\.\w+)`/g)].map((m) => ({
        doc,
        path: m[1]!,
      })),
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter(({ path }) => !files.has(path)).map(({ doc, path }) => `${doc}: ${path}`)).toEqual([]);
  });

  it('every cited section of a project doc exists', () => {
    const { texts } = repository();
    const docs = new Map([...texts].filter(([file]) => /^docs\/[\w-]+\.md$/.test(file)));
    const found = [...texts].flatMap(([file, text]) => brokenSections(file, text, docs));
    expect(found.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });
});

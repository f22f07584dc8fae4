import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ runs in the browser and on the server alike (the typesetter must
// break lines identically in both), so it may not reach into either side
// or use an API that exists in only one of them.
const SHARED = path.resolve(__dirname, '..', 'shared');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](\.\.\/)+(server|client)\//, 'imports from server/ or client/'],
  [/from\s+['"](node:[\w/]+|fs|path|os|crypto|child_process|worker_threads|http|net)['"]/, 'imports a Node module'],
  [/\bprocess\.(env|argv|exit|cwd)\b/, 'uses the Node process'],
  [/\b(window|document|localStorage|sessionStorage|indexedDB|navigator)\.\w/, 'uses a browser-only global'],
  [/\bBuffer\.(from|alloc|concat)\b/, 'uses Node Buffer'],
];

describe('shared/ stands alone', () => {
  const files = sourceFiles(SHARED);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from server/ or client/ and nothing Node- or DOM-specific', () => {
    const problems: string[] = [];
    for (const file of files) {
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(code)) problems.push(`${path.relative(SHARED, file)} ${what}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

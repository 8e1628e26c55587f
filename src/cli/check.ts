/** `npm run check [folder]`: validates every content file without building; exit 1 on any problem. */
import { existsSync, statSync } from 'node:fs';
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { loadContent } from '../content/load';
import { CONTENT_DIR } from '../content/threads';

const dir = process.argv[2] ?? CONTENT_DIR;
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.log(`${dir}: no such folder; give the folder that holds the .md files`);
  process.exitCode = 1;
} else {
  const { problems, fileCount } = loadContent(dir);
  for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
  console.log(summarize(problems, fileCount));
  process.exitCode = problems.length > 0 ? 1 : 0;
}

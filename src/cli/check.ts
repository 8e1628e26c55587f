/** `npm run check`: validates every content file without building; exit 1 on any problem. */
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { loadContent } from '../content/load';
import { CONTENT_DIR } from '../content/threads';

const dir = process.argv[2] ?? CONTENT_DIR;
const { problems, fileCount } = loadContent(dir);
for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
console.log(summarize(problems, fileCount));
process.exitCode = problems.length > 0 ? 1 : 0;

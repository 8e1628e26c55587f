/**
 * `npx tsx bench/text-paths.ts <dir> [more...]`: for each content folder, how many bodies
 * (questions and answers) leave the renderer's plain-paragraph path for remark, and what
 * rendering every body costs, per thread. It compares synthetic text (bench/generate.ts) with
 * real text: a benchmark whose bodies are easier than an archive's understates the build.
 */
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/load';
import { renderMarkdownWithText, renderPlainParagraphs, renderWithRemark } from '../src/views/markdown';

const ROUNDS = 3;

for (const dir of process.argv.slice(2)) {
  const { threads, problems } = loadContent(dir);
  const bodies = threads.flatMap((t) => [
    { body: t.question.body, level: 1 },
    ...t.answers.map((a) => ({ body: a.body, level: 3 })),
  ]);
  const off = bodies.filter((b) => renderPlainParagraphs(b.body) === undefined).length;
  const answers = threads.map((t) => t.answers.length);
  // Best of a few rounds (the first warms remark up), as wall time and as the process's CPU
  // time: on a shared machine the wall time also counts the other work on the cores.
  const time = (render: (body: string, level: number) => unknown) => {
    let wall = Infinity;
    let cpu = Infinity;
    for (let round = 0; round < ROUNDS; round += 1) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      for (const b of bodies) render(b.body, b.level);
      const used = process.cpuUsage(startCpu);
      wall = Math.min(wall, performance.now() - start);
      cpu = Math.min(cpu, (used.user + used.system) / 1000);
    }
    return { wall, cpu };
  };
  const best = time(renderMarkdownWithText);
  // Every body through remark: the most that the plain path can save on this text.
  const remarkOnly = time(renderWithRemark);
  const n = Math.max(threads.length, 1);
  const perThread = (t: { wall: number; cpu: number }) =>
    `${(t.wall / n).toFixed(3)} ms a thread wall, ${(t.cpu / n).toFixed(3)} ms CPU (${t.wall.toFixed(0)} / ${t.cpu.toFixed(0)} ms in all)`;
  const pct = (x: number) => `${((100 * x) / Math.max(bodies.length, 1)).toFixed(1)}%`;
  console.log(
    [
      `${dir}: ${threads.length} threads, ${problems.length} problems, answers ${Math.min(...answers)}–${Math.max(...answers)}`,
      `  bodies off the plain path: ${off} of ${bodies.length} (${pct(off)})`,
      `  render of every body: ${perThread(best)} (best of ${ROUNDS})`,
      `  the same, every body through remark: ${perThread(remarkOnly)}`,
    ].join('\n'),
  );
}

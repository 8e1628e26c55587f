/**
 * The content checker's rules for bodies (rendering limits, blank text, controls), applied to an
 * imported thread before its file is written, so that a refusal names the scrape line the text
 * came from rather than a line of a file that was never written.
 */
import { AnswerSchema, QuestionSchema } from '../content/schema';
import type { Thread } from '../content/schema';

/** For the question and each answer, the scrape line of each line of its markdown body. */
export type BodyLines = { question: number[]; answers: number[][] };

/** The body problem at the earliest scrape line, as `<field> would not be valid content: <checker's message>`. */
export function firstBodyProblem(thread: Thread, bodyLines: BodyLines): { line: number; message: string } | undefined {
  const bodies = [
    {
      field: 'question.body',
      text: thread.question.body,
      lines: bodyLines.question,
      schema: QuestionSchema.shape.body,
    },
    ...thread.answers.map((a, i) => ({
      field: `answers[${i}].body`,
      text: a.body,
      lines: bodyLines.answers[i] ?? [],
      schema: AnswerSchema.shape.body,
    })),
  ];
  const problems = bodies.flatMap(({ field, text, lines, schema }) => {
    const result = schema.safeParse(text);
    return (result.error?.issues ?? []).map((issue) => {
      const offset = issue.code === 'custom' && typeof issue.params?.offset === 'number' ? issue.params.offset : 0;
      const lineIndex = text.slice(0, offset).split('\n').length - 1;
      return {
        line: lines[lineIndex] ?? lines[0] ?? 1,
        message: `${field} would not be valid content: ${issue.message}`,
      };
    });
  });
  return problems.sort((a, b) => a.line - b.line)[0];
}

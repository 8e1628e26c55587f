type Props = {
  /** The problem lines, as `npm run check` prints them, and its summary line. */
  lines: string[];
};

/** `next dev` only (see _document): the content's problems above the page, until the files are fixed. */
export function ContentProblems({ lines }: Props) {
  return (
    <section className="content-problems" role="alert" aria-labelledby="content-problems-heading">
      <h2 id="content-problems-heading">The content has problems</h2>
      <pre>{lines.join('\n')}</pre>
      <p>
        {'These files are left out of the site until they are fixed; '}
        <code>npm run check</code>
        {' prints the same lines, and '}
        <code>npm run build</code>
        {' stops on them. Fix them and reload this page.'}
      </p>
    </section>
  );
}

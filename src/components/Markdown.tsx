type Props = {
  /** HTML from `renderMarkdown`, already sanitized. */
  html: string;
  className?: string;
};

/** Shows rendered markdown; the only place such HTML enters the page. */
export function Markdown({ html, className }: Props) {
  return <div className={className ? `prose ${className}` : 'prose'} dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}

type Props = {
  /** HTML from `renderMarkdown`, already sanitized. */
  html: string;
  className?: string;
  /** The schema.org property this text is (microdata), e.g. `text` for a question or answer. */
  itemProp?: string;
};

/** Shows rendered markdown; the only place such HTML enters the page. */
export function Markdown({ html, className, itemProp }: Props) {
  return (
    <div
      className={className ? `prose ${className}` : 'prose'}
      dir="auto"
      itemProp={itemProp}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

import { describe, expect, it } from 'vitest';
import { firstWords, plainText, renderMarkdown } from '../src/content/markdown';

describe('markdown renderer', () => {
  it('renders paragraphs and emphasis', () => {
    expect(renderMarkdown('One.\n\nTwo **bold**.', 3)).toBe('<p>One.</p>\n<p>Two <strong>bold</strong>.</p>\n');
  });

  it('shows raw HTML as text instead of dropping it', () => {
    expect(renderMarkdown('I use <ampersands> daily', 3)).toBe('<p>I use &#x3C;ampersands> daily</p>\n');
    expect(renderMarkdown('A <b>bold</b> claim', 3)).toBe('<p>A &#x3C;b>bold&#x3C;/b> claim</p>\n');
    expect(renderMarkdown('<script>alert(1)</script>', 3)).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>\n');
  });

  it('keeps link text but never a javascript: or data: href', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and [data](data:text/html,x) and [ok](https://example.org/)', 3);
    expect(html).toBe('<p><a>click</a> and <a>data</a> and <a href="https://example.org/">ok</a></p>\n');
  });

  it('moves headings below the page heading they sit under', () => {
    expect(renderMarkdown('# Title\n\n### Deep', 3)).toBe('<h4>Title</h4>\n<h6>Deep</h6>\n');
    expect(renderMarkdown('# Title', 1)).toBe('<h2>Title</h2>\n');
  });

  it('extracts plain text and cuts it to whole words', () => {
    expect(plainText('Some *emphasis* and `code`.\n\nNext <b>para</b>, **bo**ld.')).toBe('Some emphasis and code. Next <b>para</b>, bold.');
    expect(firstWords('one two three four', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
  });
});

/** The foot of every page. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>An archive of questions and answers, kept as published. Not medical advice.</p>
    </footer>
  );
}

import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Q&A Thread Archive',
  description: 'Questions and the doctors\u2019 answers.',
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/">Q&amp;A Thread Archive</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

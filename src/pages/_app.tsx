import type { AppProps } from 'next/app';
import '../styles/globals.css';

/** Every page with the global stylesheet; no client state. */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}

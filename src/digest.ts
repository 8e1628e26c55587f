/** The SHA-256 of text or bytes, in hex: the digest of threads, files, pages, search bundles and the build's key. */
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

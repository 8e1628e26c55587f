/**
 * `npm run build` and `npm run dev` run this first: SITE_URL, BASE_PATH and SITE_NAME checked
 * before any content is read or anything compiled. A mistake is one line (variable, value, fix)
 * and exit 1; a warning is one line and the build goes on.
 */
import { readSettings } from '../settings';

const { errors, warnings } = readSettings(process.env);
for (const line of [...warnings, ...errors]) console.error(line);
process.exitCode = errors.length > 0 ? 1 : 0;

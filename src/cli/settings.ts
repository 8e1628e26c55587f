/**
 * `npm run dev` runs this first (and `npm run build` the same check, src/cli/build.ts): SITE_URL, BASE_PATH and SITE_NAME checked
 * before any content is read or anything compiled. A mistake is one line (variable, value, fix)
 * and exit 1; a warning is one line and the build goes on.
 */
import { reportSettings } from '../settings';

process.exitCode = reportSettings(process.env) ? 0 : 1;

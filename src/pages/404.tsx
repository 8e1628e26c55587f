import type { PageConfig } from 'next';
import { NotFoundPage } from '../components/NotFoundPage';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export default NotFoundPage;

import type { PageConfig } from 'next';
import { ThreadPage } from '../../components/ThreadPage';
import { staticPaths, staticProps } from '../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/threads/[slug]');
export const getStaticProps = staticProps('/threads/[slug]');
export default ThreadPage;

import type { PageConfig } from 'next';
import { ThreadGroupPage } from '../../../components/ThreadGroupPage';
import { staticPaths, staticProps } from '../../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/topics/[slug]');
export const getStaticProps = staticProps('/topics/[slug]');
export default ThreadGroupPage;

import type { PageConfig } from 'next';
import { GroupListPage } from '../../../components/GroupListPage';
import { staticPaths, staticProps } from '../../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/topics/page/[n]');
export const getStaticProps = staticProps('/topics/page/[n]');
export default GroupListPage;

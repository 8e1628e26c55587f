import type { PageConfig } from 'next';
import { IndexPage } from '../../components/IndexPage';
import { staticPaths, staticProps } from '../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/page/[n]');
export const getStaticProps = staticProps('/page/[n]');
export default IndexPage;

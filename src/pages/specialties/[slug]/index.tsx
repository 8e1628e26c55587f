import type { PageConfig } from 'next';
import { DirectoryPage } from '../../../components/DirectoryPage';
import { staticPaths, staticProps } from '../../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/specialties/[slug]');
export const getStaticProps = staticProps('/specialties/[slug]');
export default DirectoryPage;

import type { PageConfig } from 'next';
import { SearchPage } from '../components/SearchPage';
import { staticProps } from '../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticProps = staticProps('/search');
export default SearchPage;

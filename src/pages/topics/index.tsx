import type { PageConfig } from 'next';
import { GroupListPage } from '../../components/GroupListPage';
import { staticProps } from '../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticProps = staticProps('/topics');
export default GroupListPage;

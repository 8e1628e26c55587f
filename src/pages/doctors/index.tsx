import type { GetStaticProps, PageConfig } from 'next';
import { DoctorsPage } from '../../components/DoctorsPage';
import { directoryPage } from '../../content/views';
import type { DoctorsPageView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorsPageView };

export const getStaticProps: GetStaticProps<Props> = () => ({ props: { view: directoryPage(1) } });

export default function DirectoryPage({ view }: Props) {
  return <DoctorsPage view={view} />;
}

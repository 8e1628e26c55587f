import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorsPage } from '../../../components/DoctorsPage';
import { directoryPage, directoryPageCount, staticPaths, staticProps } from '../../../content/views';
import type { DoctorsPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorsPageView };

/** Pages 2 and up; page 1 is `/doctors/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() => Array.from({ length: directoryPageCount() - 1 }, (_, i) => ({ n: String(i + 2) })));

export const getStaticProps: GetStaticProps<Props, { n: string }> = ({ params }) =>
  staticProps(() => ({ view: directoryPage(Number(params?.n)) }));

export default function DirectoryPageN({ view }: Props) {
  return <DoctorsPage view={view} />;
}

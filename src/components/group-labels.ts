/** How each kind of group is named on its pages: the list's title and intro, one group's description, and the page above the list. */
import { directoryPath, groupPath } from '../site';
import type { GroupKind } from '../site';
import type { Crumb } from './Breadcrumbs';

export type GroupLabels = {
  /** The list's title and breadcrumb: "Topics". */
  list: string;
  /** The sentence under the list's title. */
  intro: string;
  /** One group's page description, from its count ("3 questions", "2 doctors") and its name. */
  describe: (count: string, name: string) => string;
  /** The page the list belongs under, if any (the directory, for groups of doctors). */
  parent?: Crumb;
};

export const GROUP_LABELS: Record<GroupKind, GroupLabels> = {
  topic: {
    list: 'Topics',
    intro: 'The questions of the archive by topic, A to Z, with their number of questions.',
    describe: (count, name) => `${count} on ${name} in the archive, with the doctors' answers.`,
  },
  specialty: {
    list: 'Specialties',
    intro: 'The doctors of the archive by specialty, A to Z, with their number of doctors.',
    describe: (count, name) => `${count} in the archive for the specialty ${name}.`,
    parent: { name: 'Doctors', path: directoryPath() },
  },
  location: {
    list: 'Places',
    intro: 'The doctors of the archive by place, A to Z, with their number of doctors.',
    describe: (count, name) => `${count} in the archive for the place ${name}.`,
    parent: { name: 'Doctors', path: directoryPath() },
  },
};

/** The breadcrumbs above one group's pages: the list's parent, if any, then the list. */
export function groupTrail(kind: GroupKind): Crumb[] {
  const { list, parent } = GROUP_LABELS[kind];
  return [...(parent ? [parent] : []), { name: list, path: groupPath(kind) }];
}

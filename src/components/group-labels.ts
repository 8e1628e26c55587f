/** How each kind of group is named on its pages: the list's title and intro, one group's noun, and the page above the list. */
import { directoryPath, groupPath } from '../site';
import type { GroupKind } from '../site';
import type { Crumb } from './Breadcrumbs';

export type GroupLabels = {
  /** The list's title and breadcrumb: "Topics". */
  list: string;
  /** One group, in a sentence: "topic". */
  one: string;
  /** The sentence under the list's title. */
  intro: string;
  /** The page the list belongs under, if any (the directory, for groups of doctors). */
  parent?: Crumb;
};

export const GROUP_LABELS: Record<GroupKind, GroupLabels> = {
  topic: {
    list: 'Topics',
    one: 'topic',
    intro: 'The questions of the archive by topic, A to Z, with their number of questions.',
  },
  specialty: {
    list: 'Specialties',
    one: 'specialty',
    intro: 'The doctors of the archive by specialty, A to Z, with their number of doctors.',
    parent: { name: 'Doctors', path: directoryPath() },
  },
  location: {
    list: 'Places',
    one: 'place',
    intro: 'The doctors of the archive by place, A to Z, with their number of doctors.',
    parent: { name: 'Doctors', path: directoryPath() },
  },
};

/** The breadcrumbs above one group's pages: the list's parent, if any, then the list. */
export function groupTrail(kind: GroupKind): Crumb[] {
  const { list, parent } = GROUP_LABELS[kind];
  return [...(parent ? [parent] : []), { name: list, path: groupPath(kind) }];
}

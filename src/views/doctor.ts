/** A doctor's pages: who the doctor is, and their answers, 50 a page. */
import type { Archive } from '../archive/archive';
import type { DoctorAnswer, DoctorProfile } from '../archive/doctors';
import { checkPage, firstOnPage, pageCount, pageSlice } from './paging';

/** One page of a doctor's answers: who the doctor is, this page's answers, where they stand among all. */
export type DoctorPageView = {
  profile: Omit<DoctorProfile, 'answers'>;
  /** This page's answers, in index order. */
  answers: DoctorAnswer[];
  /** The position of this page's first answer among all of the doctor's answers, from 1. */
  first: number;
  /** This page's number, from 1. */
  page: number;
  pageCount: number;
  /** Every answer the doctor gave in the archive. */
  answerCount: number;
  description: string;
};

/** How many pages a doctor with this many answers has. */
export function doctorPageCount(answerCount: number): number {
  return pageCount(answerCount);
}

/** Page `page` (from 1) of one doctor: the profile and that page's answers. */
export function doctorPage(archive: Archive, slug: string, page: number): DoctorPageView {
  const { answers, ...who } = archive.doctor(slug);
  const pages = doctorPageCount(answers.length);
  checkPage(page, pages, `doctor ${slug}`);
  const count = `${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}`;
  const description = `${who.name}, ${who.specialty ? `${who.specialty} in ` : ''}${who.location}: ${count} in the archive.`;
  return {
    profile: who,
    answers: pageSlice(answers, page),
    first: firstOnPage(page),
    page,
    pageCount: pages,
    answerCount: answers.length,
    description: page > 1 ? `${description} Page ${page} of ${pages}.` : description,
  };
}

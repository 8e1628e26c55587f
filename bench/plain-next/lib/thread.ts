// The blog-starter way: a hand-written type and an `as` cast, no validation.
export type Thread = {
  slug: string;
  title: string;
  content: string;
  question?: { photo?: boolean; date?: string };
  source: { site: string; url?: string };
  disclaimer?: string;
  answers: {
    headline: string;
    body: string;
    votes?: number;
    doctor?: {
      name: string;
      credentials: string[];
      location: string;
      specialty: string;
      rating?: { value: number; reviews: number };
    };
  }[];
};

/**
 * The quiz and certificate pages of a tour: the tour, when it has a quiz; otherwise a page saying
 * so, with the way back to the passport (a stale or mistyped address).
 */
import type { ReactNode } from 'react';
import { useContent } from '../content/ContentContext';
import type { QuizQuestion, Tour } from '../content/schema';
import { PlaceLink } from './PlaceLink';
import { useUiT } from './useUiT';

export function QuizTourGate({ tourId, children }: { tourId: string; children: (tour: Tour, questions: QuizQuestion[]) => ReactNode }) {
  const ut = useUiT();
  const tour = useContent().tours.find((x) => x.id === tourId);
  if (!tour?.quiz) {
    return (
      <div className="message-page">
        <h1>{ut('quiz.noQuiz')}</h1>
        <p>
          <PlaceLink to={{ page: 'passport' }}>{ut('quiz.toPassport')}</PlaceLink>
        </p>
      </div>
    );
  }
  return children(tour, tour.quiz.questions);
}

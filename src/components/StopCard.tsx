/**
 * A card with a stop's picture, as the welcome page lists campuses (each by its first stop) and a
 * campus page lists its stops. With `link`, the whole card is one link, numbered like the 3D
 * overview's markers; without, the body holds its own links.
 */
import type { ReactNode } from 'react';
import type { Place } from '../store/visitStore';
import { PlaceLink } from './PlaceLink';

interface StopCardProps {
  /** The picture's URL (the stop's thumbnail); none, no picture. */
  picture: string | undefined;
  className?: string;
  /** Makes the whole card a link to this place. */
  link?: Place;
  /** The number shown on the picture of a linked card. */
  number?: number;
  children: ReactNode;
}

export function StopCard({ picture, className, link, number, children }: StopCardProps) {
  const image = picture && <img className="card__image" src={picture} alt="" width={640} height={360} loading="lazy" />;
  const cardClass = className ? `card ${className}` : 'card';
  if (!link) {
    return (
      <li className={cardClass}>
        {image}
        <div className="card__body">{children}</div>
      </li>
    );
  }
  return (
    <li className={cardClass}>
      <PlaceLink to={link} className="card__link">
        {number !== undefined && (
          <span className="card__number" aria-hidden="true">
            {number}
          </span>
        )}
        {image}
        <span className="card__body">{children}</span>
      </PlaceLink>
    </li>
  );
}

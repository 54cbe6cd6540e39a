/** Hands validated content to the pages. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Content } from './schema';

const ContentContext = createContext<Content | null>(null);

export function ContentProvider({ content, children }: { content: Content; children: ReactNode }) {
  return <ContentContext.Provider value={content}>{children}</ContentContext.Provider>;
}

export function useContent(): Content {
  const content = useContext(ContentContext);
  if (!content) throw new Error('useContent needs a ContentProvider above it');
  return content;
}

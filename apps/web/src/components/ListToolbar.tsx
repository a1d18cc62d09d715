import type { ReactNode } from 'react';

/** The row of search and filter controls above a list; each control is labelled for screen readers. */
export function ListToolbar({ children }: { children: ReactNode }) {
  return <div className="toolbar">{children}</div>;
}

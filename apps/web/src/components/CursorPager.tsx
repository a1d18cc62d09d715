import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * Cursor pagination state: the cursors of the pages seen so far, so "Previous" goes back
 * without the server needing offsets. A new `resetKey` (the list's filters) starts again at
 * page one, since cursors of one filter mean nothing under another.
 */
export function useCursorPages(resetKey = '') {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const [keyOfStack, setKeyOfStack] = useState(resetKey);
  if (keyOfStack !== resetKey) {
    setKeyOfStack(resetKey);
    setStack([undefined]);
  }
  const cursor = stack[stack.length - 1];
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { cursor, pageIndex: stack.length - 1, next, previous, reset };
}

export function CursorPager({
  pageIndex,
  nextCursor,
  onNext,
  onPrevious,
  busy,
}: {
  pageIndex: number;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  if (pageIndex === 0 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <Button variant="secondary" size="sm" onClick={onPrevious} disabled={pageIndex === 0 || busy} data-testid="page-previous">
        {t('common.previous')}
      </Button>
      <span className="pager-label">{t('common.page', { page: pageIndex + 1 })}</span>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => nextCursor && onNext(nextCursor)}
        disabled={!nextCursor || busy}
        data-testid="page-next"
      >
        {t('common.next')}
      </Button>
    </nav>
  );
}

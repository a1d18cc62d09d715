import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a small menu panel. Closes on outside click, Escape, or when an
 * item inside calls `close`.
 */
export function Dropdown({
  trigger,
  triggerLabel,
  children,
  align = 'start',
  placement = 'below',
  testId,
  className,
}: {
  trigger: ReactNode;
  triggerLabel: string;
  children: (close: () => void) => ReactNode;
  align?: 'start' | 'end';
  placement?: 'below' | 'above';
  testId?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className={`dropdown ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="dropdown-trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={triggerLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {trigger}
      </button>
      {open && (
        <div id={panelId} className={`dropdown-panel dropdown-${align} dropdown-${placement}`} data-testid={testId && `${testId}-menu`}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A text input that suggests items from the server as you type (ARIA combobox + listbox).
 * ArrowUp/Down move through suggestions, Enter picks the highlighted one, Escape closes.
 * Keys it does not use (Enter with nothing highlighted, Tab, Delete) reach `onKeyDown`
 * so a surrounding grid can use them to move between cells.
 */
export function Combobox<T>({
  text,
  onTextChange,
  items,
  getKey,
  renderItem,
  onSelect,
  loading,
  emptyText,
  onOpenChange,
  onKeyDown,
  ...input
}: {
  text: string;
  onTextChange: (text: string) => void;
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onSelect: (item: T) => void;
  loading?: boolean;
  emptyText?: ReactNode;
  onOpenChange?: (open: boolean) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onKeyDown' | 'onSelect'>) {
  const listId = useId();
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(-1);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    if (!next) setActive(-1);
    onOpenChange?.(next);
  };
  const pick = (item: T) => {
    onSelect(item);
    setOpen(false);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      setActive((i) => Math.min(i + 1, items.length - 1));
      return;
    }
    if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
      return;
    }
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      return;
    }
    if (event.key === 'Enter' && open && active >= 0 && items[active]) {
      event.preventDefault();
      pick(items[active]);
      // The grid still moves on to the next cell after a pick.
      onKeyDown?.(event);
      return;
    }
    if (event.key === 'Tab' || event.key === 'Enter') setOpen(false);
    onKeyDown?.(event);
  };

  return (
    <div className="combobox">
      <input
        {...input}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          onTextChange(e.target.value);
          setActive(0);
          if (!open) setOpen(true);
        }}
        onFocus={(e) => {
          input.onFocus?.(e);
        }}
        onBlur={(e) => {
          setOpen(false);
          input.onBlur?.(e);
        }}
        onKeyDown={keyDown}
      />
      {open && (
        <ul className="combobox-list" id={listId} role="listbox">
          {loading && items.length === 0 && <li className="combobox-empty">…</li>}
          {!loading && items.length === 0 && emptyText && <li className="combobox-empty">{emptyText}</li>}
          {items.map((item, i) => (
            <li
              key={getKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`combobox-option${i === active ? ' is-active' : ''}`}
              // Keep focus in the input so blur does not close the list before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(item)}
              onMouseEnter={() => setActive(i)}
            >
              {renderItem(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

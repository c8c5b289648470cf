// A drop-down menu's behaviour, shared by the header's export menu and the replay's: open and closed,
// closed by a press elsewhere or Escape, the first item focused on opening, the arrow keys moving
// between items (wrapping round). Items are buttons with role="menuitem" inside `root`.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = '[role="menuitem"]';

export function useMenu(root: RefObject<HTMLElement | null>): {
  open: boolean;
  setOpen: (open: boolean | ((o: boolean) => boolean)) => void;
  onMenuKeyDown: (e: KeyboardEvent) => void;
} {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    root.current?.querySelector<HTMLButtonElement>(ITEMS)?.focus();
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open, root]);
  const onMenuKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return { open, setOpen, onMenuKeyDown };
}

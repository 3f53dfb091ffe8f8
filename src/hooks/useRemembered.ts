import { useCallback, useState } from 'react';
import { browserStorage } from '../session/persistence';

/** Namespaced and versioned like the run memory, so a later layout format never misreads an old one. */
const PREFIX = 'gossip-lab:layout:v1:';

function read<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = browserStorage()?.getItem(PREFIX + key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A small layout choice (a panel folded or open, the tab shown) kept across reloads. Every
 * storage access is guarded as persistence.ts guards it: private mode or a full quota means the
 * choice lasts for this page only, never an error; an unknown stored value reads as the fallback.
 */
export function useRemembered<T extends string>(key: string, allowed: readonly T[], fallback: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, allowed, fallback));
  const set = useCallback((v: T) => {
    setValue(v);
    try {
      browserStorage()?.setItem(PREFIX + key, v);
    } catch {
      // Quota or a storage that refuses writes: the choice still holds until the page closes.
    }
  }, [key]);
  return [value, set];
}

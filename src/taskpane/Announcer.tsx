import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

/**
 * One polite live region for the whole pane: every outcome (a result, the busy state) is announced
 * here, because a message bar that appears with its text is not reliably read out. Each announcement
 * is added as a line of its own (the same words twice are two additions); the last few are kept.
 */
const AnnounceContext = createContext<(text: string) => void>(() => undefined);

export const useAnnounce = () => useContext(AnnounceContext);

const hidden = { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 } as const;

export function Announcer({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<Array<{ id: number; text: string }>>([]);
  const next = useRef(0);
  const announce = useCallback((text: string) => {
    const id = next.current++;
    setLines((current) => [...current.slice(-4), { id, text }]);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-relevant="additions" style={hidden} data-testid="announcer">
        {lines.map((l) => (
          <p key={l.id}>{l.text}</p>
        ))}
      </div>
    </AnnounceContext.Provider>
  );
}

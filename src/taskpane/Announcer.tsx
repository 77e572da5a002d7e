import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

/**
 * One polite live region for the whole pane: every outcome (a result, a failure, the busy state) is
 * announced here, because a message bar that appears with its text is not reliably read out.
 */
const AnnounceContext = createContext<(text: string) => void>(() => undefined);

export const useAnnounce = () => useContext(AnnounceContext);

const hidden = { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 } as const;

export function Announcer({ children }: { children: ReactNode }) {
  const [text, setText] = useState("");
  // The same words twice in a row are announced again: the region is cleared first.
  const announce = useCallback((next: string) => {
    setText("");
    setTimeout(() => setText(next), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" style={hidden} data-testid="announcer">
        {text}
      </div>
    </AnnounceContext.Provider>
  );
}

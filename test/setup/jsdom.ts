/** jsdom lacks ResizeObserver, which Fluent UI's MessageBar observes; a no-op stands in for it. */
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Shared CI machines are slow at times: give findBy/waitFor more than Testing Library's 1 s.
if (typeof window !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@testing-library/dom").configure({ asyncUtilTimeout: 10_000 });
}

/** jsdom lacks ResizeObserver, which Fluent UI's MessageBar observes; a no-op stands in for it. */
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/**
 * How the pane reaches Excel: one function that runs a use case in an Excel batch. The pane never
 * touches the Excel API itself, so component tests hand it a workbook double instead.
 */
export interface PaneHost {
  run<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export const officeHost: PaneHost = {
  run: (action) => Excel.run((context) => action(context)),
};

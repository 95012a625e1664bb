/**
 * A dataset in the open-data registry. Absolute links inside a dataset come from
 * absoluteUrl() (PUBLIC_URL), never from the request: a dataset is the same whoever asks.
 */
export interface DatasetContext {
  locale: "fr" | "en";
  townName: string;
}

export interface Dataset {
  /** File name under /open-data/ (also its id), e.g. "register.json". */
  file: string;
  /** Translation keys for the open-data page. */
  titleKey: string;
  descriptionKey: string;
  /** Parameters of the title and description (a vote's question, a budget's name…). */
  titleParams?: Record<string, string | number>;
  format: "JSON" | "CSV" | "Atom" | "iCalendar" | "Pabulib";
  contentType: string;
  /** Where it is served when not under /open-data/ (feeds). */
  href?: string;
  produce(ctx: DatasetContext): string;
  /** Changes without any write (dated now): built per request, never kept (export-store.server.ts). */
  volatile?: boolean;
}

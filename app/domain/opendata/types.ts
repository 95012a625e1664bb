/** A dataset in the open-data registry. */
export interface DatasetContext {
  /** e.g. "https://participation.example.fr", for absolute links in feeds. */
  origin: string;
  locale: "fr" | "en";
  townName: string;
}

export interface Dataset {
  /** File name under /open-data/ (also its id), e.g. "register.json". */
  file: string;
  /** Translation keys for the open-data page. */
  titleKey: string;
  descriptionKey: string;
  format: "JSON" | "CSV" | "Atom" | "iCalendar" | "Pabulib";
  contentType: string;
  /** Where it is served when not under /open-data/ (feeds). */
  href?: string;
  produce(ctx: DatasetContext): string;
}

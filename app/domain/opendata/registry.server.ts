/**
 * The open-data registry: every downloadable dataset, with its format and how to produce
 * it. Capabilities contribute their datasets here (one list); the open-data page and the
 * download route read it, so adding a dataset never means editing a page.
 * Licence: Licence Ouverte 2.0 (Etalab) for everything listed.
 */
import { decisionDatasets } from "../decisions/opendata.server";
import { ideaDatasets } from "../ideas/opendata.server";
import { meetingDatasets } from "../meetings/opendata.server";
import { rulesDatasets } from "../rules/opendata.server";
import { voteDatasets } from "../votes/opendata.server";
import { statisticsDatasets } from "../stats/opendata.server";
import type { Dataset } from "./types";

export type { Dataset, DatasetContext } from "./types";

export const LICENCE = { name: "Licence Ouverte 2.0 (Etalab)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" };

export function datasets(): Dataset[] {
  return [...decisionDatasets, ...rulesDatasets, ...ideaDatasets, ...meetingDatasets, ...voteDatasets(), ...statisticsDatasets];
}

export function findDataset(file: string): Dataset | undefined {
  return datasets().find((d) => d.file === file);
}

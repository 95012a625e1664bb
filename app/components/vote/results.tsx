/**
 * A counted vote's results as a document: votes per option (a bar with the number and the
 * share, never colour alone), turnout against the electorate, per channel, the closing
 * certificate and the board's downloads.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BallotChannel } from "#db/enums";
import { formatDateTime, formatNumber, formatPercent } from "~/lib/format";
import { useLocale } from "../hooks";
import { Icon } from "../ui/icon";
import { useOptionLabel } from "./ballot";

export interface ResultsView {
  counts: { id: string; label: string; count: number }[];
  channels: { channel: BallotChannel; ballots: number; participations: number; counts: { id: string; count: number }[] | null }[];
  electorate: number;
  winners: string[];
  tally: { ballots: number };
  certificate: {
    countedAt: string;
    participations: Record<BallotChannel, number> & { total: number };
    ballots: Record<BallotChannel, number> & { total: number };
    paper: { sheets: number; counted: number; spoiled: number; difference: number };
    explanationSeq: number | null;
  };
}

export function VoteResults({ r, form, voteId, closingSeq }: { r: ResultsView; form: "yes_no" | "options"; voteId: number; closingSeq: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useOptionLabel();
  const total = r.tally.ballots;
  // yes / no shares are of yes + no (abstentions are counted, not in the share)
  const base = form === "yes_no" ? r.counts.filter((c) => c.id !== "abstain").reduce((s, c) => s + c.count, 0) : total;
  const turnout = r.electorate ? r.certificate.participations.total / r.electorate : 0;
  return (
    <section className="results" id="results" aria-labelledby="results-title">
      <h2 id="results-title">
        <Icon name="chart" /> {t("votes.results")}
      </h2>
      <ul className="plain result-bars">
        {r.counts.map((c) => {
          const share = base && !(form === "yes_no" && c.id === "abstain") ? c.count / base : null;
          const winner = r.winners.includes(c.id);
          return (
            <li key={c.id} className={`result-bar${winner ? " winner" : ""}`}>
              <div className="result-line">
                <span className="result-label">
                  {winner ? <Icon name="check" /> : null} {label(c, form)}
                  {winner ? <span className="visually-hidden"> — {t("votes.ahead")}</span> : null}
                </span>
                <span className="result-figure">
                  {t("votes.ballotsCount", { count: c.count, n: formatNumber(c.count, locale) })}
                  {share !== null ? ` · ${formatPercent(share, locale, 1)}` : ""}
                </span>
              </div>
              <span className="meter" aria-hidden="true">
                <span style={{ width: `${Math.round((share ?? (total ? c.count / total : 0)) * 100)}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      {form === "yes_no" ? <p className="small muted">{t("votes.shareNote")}</p> : null}
      <dl className="facts result-facts">
        <div>
          <dt>{t("votes.turnout")}</dt>
          <dd>
            {t("votes.turnoutOf", { n: formatNumber(r.certificate.participations.total, locale), electorate: formatNumber(r.electorate, locale) })}
            {r.electorate ? ` (${formatPercent(turnout, locale, 1)})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("votes.validBallots")}</dt>
          <dd>{formatNumber(total, locale)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t("votes.byChannel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("votes.channel")}</th>
              <th scope="col">{t("votes.participations")}</th>
              <th scope="col">{t("votes.ballots")}</th>
              {r.counts.map((c) => (
                <th scope="col" key={c.id}>
                  {label(c, form)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.channels.map((ch) => (
              <tr key={ch.channel}>
                <th scope="row">{t(`votes.channels.${ch.channel}`)}</th>
                <td>{formatNumber(ch.participations, locale)}</td>
                <td>{formatNumber(ch.ballots, locale)}</td>
                {ch.counts
                  ? ch.counts.map((c) => <td key={c.id}>{formatNumber(c.count, locale)}</td>)
                  : r.counts.map((c, i) => (i === 0 ? <td key={c.id} colSpan={r.counts.length} className="muted small">{t("votes.channelTooSmall")}</td> : null))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card certificate" aria-labelledby="certificate-title">
        <h3 id="certificate-title">
          <Icon name="shield" /> {t("votes.certificate")}
        </h3>
        <p>{t("votes.certificateCounted", { date: formatDateTime(r.certificate.countedAt, locale) })}</p>
        <ul>
          <li>{t("votes.certificateOnline", { participations: r.certificate.participations.online, ballots: r.certificate.ballots.online })}</li>
          <li>{t("votes.certificateDesk", { participations: r.certificate.participations.desk, ballots: r.certificate.ballots.desk })}</li>
          <li>
            {t("votes.certificatePaper", { participations: r.certificate.participations.paper, sheets: r.certificate.paper.sheets, spoiled: r.certificate.paper.spoiled })}
          </li>
        </ul>
        {r.certificate.paper.difference === 0 ? (
          <p className="badge badge-success">
            <Icon name="check" size={16} /> {t("votes.certificateMatch")}
          </p>
        ) : (
          <p className="notice notice-warning">
            {t("votes.certificateDifference", { difference: r.certificate.paper.difference })}{" "}
            {r.certificate.explanationSeq ? <Link to={`/decisions/${r.certificate.explanationSeq}`}>{t("decisions.number", { seq: r.certificate.explanationSeq })}</Link> : null}
          </p>
        )}
        {closingSeq ? (
          <p className="small">
            <Link to={`/decisions/${closingSeq}`}>{t("votes.countEntry", { seq: closingSeq })}</Link>
          </p>
        ) : null}
      </section>
      <section className="card board-card" aria-labelledby="board-title">
        <h3 id="board-title">
          <Icon name="data" /> {t("votes.board")}
        </h3>
        <p>{t("votes.boardIntro")}</p>
        <p className="review-actions">
          <a className="btn" href={`/open-data/vote-${voteId}-board.json`} download>
            <Icon name="download" /> {t("votes.boardJson")}
          </a>
          <a className="btn" href={`/open-data/vote-${voteId}-board.csv`} download>
            <Icon name="download" /> {t("votes.boardCsv")}
          </a>
          <Link className="btn" to="/receipts">
            <Icon name="search" /> {t("votes.checkReceipt")}
          </Link>
        </p>
      </section>
    </section>
  );
}

import { loadHeatingUp } from "@/lib/moderation/load-heat";
import "@/components/passages/passages.css";

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

/**
 * Early warning in the review queue: the threads and passages with the most
 * heat in the last hour (lib/moderation/heat.ts), hottest first, each with
 * what makes it hot and a link to it.
 */
export async function HeatingUp() {
  const { threads, passages } = await loadHeatingUp();
  return (
    <section className="heating-up" aria-labelledby="heating-up-title">
      <h2 id="heating-up-title">Heating up</h2>
      {threads.length === 0 && passages.length === 0 ? (
        <p className="empty-state">Nothing is heating up: no discussion has been unusually busy or reported in the last hour.</p>
      ) : (
        <ol className="heating-up__list">
          {passages.map((passage) => (
            <li key={`${passage.essayId}-${passage.start}`}>
              <span className="heating-up__score">{passage.score}</span>{" "}
              <a href={`/essays/${passage.slug}`}>
                Passage of {passage.title}: {passage.rootIds.length} threads
              </a>{" "}
              <q>{excerpt(passage.exact)}</q> <Signals {...passage.signals} />
            </li>
          ))}
          {threads.map((thread) => (
            <li key={thread.rootId}>
              <span className="heating-up__score">{thread.score}</span>{" "}
              <a href={`/essays/${thread.slug}/comments/${thread.rootId}`}>
                Thread in {thread.title}: {excerpt(thread.excerpt)}
              </a>{" "}
              <Signals
                comments={thread.comments}
                participants={new Set(thread.participantIds).size}
                reports={thread.reports}
                held={thread.held}
                hidden={thread.hidden}
                suspectHits={thread.suspectHits}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Signals({ comments, participants, reports, held, hidden, suspectHits }: { comments: number; participants: number; reports: number; held: number; hidden: number; suspectHits: number }) {
  const parts = [
    `${comments} comment${comments === 1 ? "" : "s"} by ${participants} reader${participants === 1 ? "" : "s"} in the last hour`,
    ...(reports ? [`${reports} reported`] : []),
    ...(held ? [`${held} held`] : []),
    ...(hidden ? [`${hidden} hidden`] : []),
    ...(suspectHits ? [`${suspectHits} with a suspect word`] : []),
  ];
  return <span className="heating-up__signals">({parts.join(", ")})</span>;
}

import Link from "next/link";
import { listEssays } from "@/lib/essays/queries";
import { EssayMeta } from "@/components/essay/essay-meta";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const essays = await listEssays();
  return (
    <div className="page page--home">
      <header className="home-intro">
        <h1>Essays</h1>
        <p>Read closely. Highlight the sentence that matters. Argue with the words, not the person.</p>
      </header>
      {essays.length === 0 ? (
        <p className="empty-state">
          No essays yet. Import one with <code>npm run essay:import -- &lt;file-or-URL&gt;</code>.
        </p>
      ) : (
        <ol className="essay-list">
          {essays.map((essay) => (
            <li key={essay.slug} className="essay-card">
              {essay.attribution && <p className="kicker">{essay.attribution}</p>}
              <h2 className="essay-card__title">
                <Link href={`/essays/${essay.slug}`}>{essay.title}</Link>
              </h2>
              {essay.dek && <p className="essay-card__dek">{essay.dek}</p>}
              <EssayMeta byline={essay.byline} readingMinutes={essay.readingMinutes} highlightCount={essay.highlightCount} commentCount={essay.commentCount} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEssayForReading } from "@/lib/essays/queries";
import { EssayArticle } from "@/components/essay/essay-article";

export const dynamic = "force-dynamic";

const loadEssay = cache(getEssayForReading);

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const essay = await loadEssay((await params).slug);
  return essay ? { title: essay.title, description: essay.dek ?? undefined } : { title: "Essay not found" };
}

export default async function EssayPage({ params }: { params: Params }) {
  const essay = await loadEssay((await params).slug);
  if (!essay) notFound();
  return <EssayArticle essay={essay} />;
}

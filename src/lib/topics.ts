import type { Exchange } from './transcript/model.ts';
import type { Remark } from './remarks.ts';
import { slugOf } from './slug.ts';

/**
 * Topics as editors give them in front matter: a transcript's `topics` apply to each of its
 * answers, an exchange's add to them. One topic page and feed per slug; names that differ only in
 * case or punctuation ("5G", "5g") share it, as spokespeople's names share theirs.
 */
export interface Topic {
  slug: string;
  /** The names editors wrote, in first-seen order. */
  names: string[];
  /** Transcripts with at least one answer on the topic, newest first. */
  remarks: Remark[];
  /** The answers on the topic, newest transcript first, in transcript order within one. */
  answers: { remark: Remark; exchange: Exchange }[];
}

/** An answer's topics: its transcript's, then its own, each once. */
export function answerTopics(remark: Remark, exchange: Exchange): string[] {
  return [...new Set([...remark.data.topics, ...exchange.topics])];
}

export function topicSlug(name: string): string {
  return slugOf(name);
}

/** Every topic of `remarks` (newest first, as allRemarks gives them), by slug, most answers first. */
export function topicsOf(remarks: Remark[]): Topic[] {
  const bySlug = new Map<string, Topic>();
  for (const remark of remarks) {
    for (const exchange of remark.data.transcript.exchanges) {
      const slugs = new Set<string>();
      for (const name of answerTopics(remark, exchange)) {
        const slug = topicSlug(name);
        let topic = bySlug.get(slug);
        if (!topic) bySlug.set(slug, (topic = { slug, names: [], remarks: [], answers: [] }));
        if (!topic.names.includes(name)) topic.names.push(name);
        slugs.add(slug);
      }
      for (const slug of slugs) {
        const topic = bySlug.get(slug)!;
        if (topic.remarks.at(-1) !== remark) topic.remarks.push(remark);
        topic.answers.push({ remark, exchange });
      }
    }
  }
  return [...bySlug.values()].sort((a, b) => b.answers.length - a.answers.length || a.slug.localeCompare(b.slug));
}

/**
 * Where a reader can send an answer's link: e-mail and the networks' own share pages. Plain links:
 * they load nothing from the networks until followed. The answer page's script builds them from
 * the answer's URL (src/client/share.ts). Written into every answer page, with the copies of the
 * URL and the question the controls carried for them, they were a large share of the site.
 */
export interface NetworkLink {
  name: string;
  href: string;
}

/** `subject` goes only where a person reads it before sending: an e-mail's subject. */
export function networkLinks(url: string, subject: string, emailName: string): NetworkLink[] {
  const q = encodeURIComponent;
  return [
    { name: emailName, href: `mailto:?subject=${q(subject)}&body=${q(url)}` },
    { name: 'X', href: `https://x.com/intent/post?url=${q(url)}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
    { name: 'Weibo', href: `https://service.weibo.com/share/share.php?url=${q(url)}` },
  ];
}

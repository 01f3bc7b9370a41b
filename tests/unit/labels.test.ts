import { describe, expect, test } from 'vitest';
import { readLabel } from '../../src/lib/transcript/labels.ts';

describe('readLabel', () => {
  test.each([
    ['Q: What is it?', 'Q', 'question', 'question', undefined],
    ['Q:What is it?', 'Q', 'question', 'question', undefined],
    ['A: It is.', 'A', 'answer', 'answer', undefined],
    ['Follow-up: And?', 'Follow-up', 'question', 'follow-up', undefined],
    ['Journalist: Yes.', 'Journalist', 'question', 'interjection', undefined],
    ['Journalist adds: It is called Badger.', 'Journalist adds', 'question', 'interjection', undefined],
    ['Reuters: A question.', 'Reuters', 'question', 'question', 'Reuters'],
    ['China Daily: A question.', 'China Daily', 'question', 'question', 'China Daily'],
    [
      'Associated Press of Pakistan: A question.',
      'Associated Press of Pakistan',
      'question',
      'question',
      'Associated Press of Pakistan',
    ],
    ['Zhao Lijian: An answer.', 'Zhao Lijian', 'answer', 'answer', 'Zhao Lijian'],
    ['问：什么？', '问', 'question', 'question', undefined],
    ['答：是的。', '答', 'answer', 'answer', undefined],
    ['追问：还有呢？', '追问', 'question', 'follow-up', undefined],
    ['法新社记者：问题。', '法新社记者', 'question', 'question', '法新社记者'],
    ['《北京青年报》记者：问题。', '《北京青年报》记者', 'question', 'question', '《北京青年报》记者'],
    ['　　赵立坚：回答。', '赵立坚', 'answer', 'answer', '赵立坚'],
    ['有记者问：问题。', '有记者问', 'question', 'question', undefined],
    ['（记者：日本媒体。）', '（记者', 'question', 'interjection', undefined],
    ['CCTV4: A question.', 'CCTV4', 'question', 'question', 'CCTV4'],
    [
      'After the press conference, the following question was raised: Why?',
      'After the press conference, the following question was raised',
      'question',
      'question',
      undefined,
    ],
    ['会后，有记者问及：为什么？', '会后，有记者问及', 'question', 'question', undefined],
    ['汪文斌：回答。', '汪文斌', 'answer', 'answer', '汪文斌'],
  ])('%s', (text, label, role, kind, speaker) => {
    expect(readLabel(text)).toMatchObject({ label, role, kind, ...(speaker && { speaker }) });
    expect(readLabel(text)?.speaker).toBe(speaker);
  });

  test('the transcript spokesperson marks an answer even when not a known spokesperson', () => {
    expect(readLabel('Jane Doe: An answer.', 'Jane Doe')).toMatchObject({ role: 'answer', speaker: 'Jane Doe' });
  });

  test.each([
    'Our position is very clear: we oppose it.',
    'As of 24:00 on March 2, there were ...',
    'A word of advice: stop.',
    'Between 00:00 and 24:00 ...',
    'See https://example.org for more.',
    'No label here.',
    '我想强调三点：第一，……',
  ])('no label in %s', (text) => {
    expect(readLabel(text)).toBeUndefined();
  });
});

test('a paragraph of thousands of spaces is read at once, and still has its label', () => {
  const spaces = ' '.repeat(12_000);
  // Not a timed test: the count of steps is what changed; this would take seconds before.
  expect(readLabel(`${spaces}x`)).toBeUndefined();
  expect(readLabel(`${spaces}Q: What?`)).toMatchObject({ label: 'Q', role: 'question', length: 12_003 });
  expect(readLabel(`Reuters:${spaces}What?`)?.label).toBe('Reuters');
});

/** A tiny synthetic dataset for unit tests: two people who share a surname, one event. */
import { parseDataset, type Dataset } from '../data/dataset-schema';

const evidence = { source: 'test-source', quote: 'quote' };

export const TEST_DATASET: Dataset = parseDataset({
  version: 1,
  sources: [
    {
      id: 'test-source',
      title: 'A Test Story',
      date: '2020-05-23',
      dateCurated: false,
      file: 'x.txt',
    },
  ],
  entities: [
    {
      id: 'jeff-sessions',
      kind: 'person',
      name: 'Jeff Sessions',
      description: 'Former attorney general',
      summary: 'A summary.',
      sources: ['test-source'],
      quotes: [],
      aliases: [
        { text: 'Jeff Sessions', safety: 'safe', form: 'full-name' },
        { text: 'Sessions', safety: 'context', form: 'surname' },
      ],
      facts: [{ text: 'A fact.', evidence }],
      relations: [],
    },
    {
      id: 'donald-trump',
      kind: 'person',
      name: 'Donald Trump',
      description: 'President',
      summary: 'A summary.',
      sources: ['test-source'],
      quotes: [],
      aliases: [
        { text: 'Donald Trump', safety: 'safe', form: 'full-name' },
        { text: 'President Donald Trump', safety: 'safe', form: 'title' },
        { text: 'Trump', safety: 'context', form: 'surname' },
      ],
      facts: [{ text: 'A fact.', evidence }],
      relations: [],
    },
    {
      id: 'mueller-investigation',
      kind: 'event',
      name: 'Mueller investigation',
      description: 'Inquiry',
      summary: 'A summary.',
      sources: ['test-source'],
      aliases: [
        { text: 'Mueller investigation', safety: 'safe', form: 'phrase' },
      ],
      facts: [{ text: 'A fact.', evidence }],
      relations: [],
      date: {
        label: '2017–2019',
        start: '2017-05-17',
        end: '2019-03-22',
        basis: 'curated',
      },
      status: 'past',
      participants: ['jeff-sessions'],
    },
  ],
});

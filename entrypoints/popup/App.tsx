/** The toolbar popup: what Backstory knows, grouped by kind. */
import type { Dataset } from '@/data/dataset-schema';
import { EntityList } from '@/components/EntityList';
import { formatStoryDate } from '@/components/entity-labels';

export function App({ dataset }: { dataset: Dataset }) {
  return (
    <main class="popup">
      <header class="popup__header">
        <img class="popup__logo" src="/icons/32.png" alt="" width={24} height={24} />
        <h1 class="popup__title">Backstory</h1>
      </header>
      <p class="popup__sources">
        {dataset.sources.map((source) => (
          <span key={source.id}>
            From <cite>{source.title}</cite>, {formatStoryDate(source.date)}
          </span>
        ))}
      </p>
      <EntityList entities={dataset.entities} />
      <footer class="popup__footer">Works offline. Sends nothing anywhere.</footer>
    </main>
  );
}

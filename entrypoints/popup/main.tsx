import { render } from 'preact';
import datasetJson from '@/data/dataset.json';
import { parseDataset } from '@/data/dataset-schema';
import { App } from './App';
// The card's own styles (one component, two places: the hover card and here).
import '@/components/EntityCard.css';
import '@/components/controls.css';
import './style.css';

render(
  <App dataset={parseDataset(datasetJson)} />,
  document.getElementById('app')!,
);
